import { describe, expect, it } from 'vitest';
import type { GroupRecord, RoamSeed, UserRecord } from '../../../../src/apis/roam/model.ts';
import { RoamStore } from '../../../../src/apis/roam/store.ts';

const P1 = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const P2 = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const TS = '2022-09-14T09:23:51.456';

function user(id: string, projectId: string): UserRecord {
  return { id, projectId, appType: 1, deviceToken: 't', description: null, metadata: null, createdAt: TS };
}

function group(id: string, projectId: string, users: string[] = []): GroupRecord {
  return { id, projectId, description: `g-${id}`, users, createdAt: TS, updatedAt: TS };
}

const id = (n: number) => n.toString(16).padStart(24, '0');

function seed(): RoamSeed {
  return {
    projects: [
      { projectId: P1, accountId: id(901), apiKey: 'key-1' },
      { projectId: P2, accountId: id(902), apiKey: 'key-2' },
    ],
    users: [user(id(1), P1), user(id(2), P1), user(id(3), P2)],
    groups: [group(id(100), P2, [id(3)])],
  };
}

describe('RoamStore', () => {
  it('finds projects by their API key only', () => {
    const store = new RoamStore(seed());
    expect(store.projectByKey('key-1')?.projectId).toBe(P1);
    expect(store.projectByKey('KEY-1')).toBeUndefined();
    expect(store.projectByKey('nope')).toBeUndefined();
  });

  it('hides other projects’ users and groups', () => {
    const store = new RoamStore(seed());
    expect(store.user(P1, id(1))?.id).toBe(id(1));
    expect(store.user(P1, id(3))).toBeUndefined();
    expect(store.group(P2, id(100))?.id).toBe(id(100));
    expect(store.group(P1, id(100))).toBeUndefined();
  });

  it('reports ids that are not users of the project, other projects’ users included', () => {
    const store = new RoamStore(seed());
    expect(store.unknownUsers(P1, [id(1), id(3), id(77), id(2)])).toEqual([id(3), id(77)]);
  });

  it('refuses (as a bug) a group whose members are outside its project or repeated', () => {
    const store = new RoamStore(seed());
    expect(() => store.addGroup(group(id(101), P1, [id(3)]))).toThrow(/outside project/);
    expect(() => store.addGroup(group(id(102), P1, [id(1), id(1)]))).toThrow(/twice/);
    expect(() => new RoamStore({ ...seed(), groups: [group(id(100), P1, [id(3)])] })).toThrow(/outside project/);
  });

  it('pages groups per project in creation order', () => {
    const store = new RoamStore(seed());
    for (let n = 0; n < 12; n += 1) store.addGroup(group(id(200 + n), P1, [id(1)]));
    const first = store.groupsOf(P1, 0, 10);
    expect(first.total).toBe(12);
    expect(first.items.map((g) => g.id)).toEqual(Array.from({ length: 10 }, (_, n) => id(200 + n)));
    expect(store.groupsOf(P1, 10, 10).items.map((g) => g.id)).toEqual([id(210), id(211)]);
    expect(store.groupsOf(P1, 20, 10)).toEqual({ total: 12, items: [] });
    expect(store.groupsOf(P2, 0, 10).total).toBe(1);
    expect(store.groupsOf(id(999), 0, 10)).toEqual({ total: 0, items: [] });
  });

  it('replaces a group in place, keeping its position', () => {
    const store = new RoamStore(seed());
    store.addGroup(group(id(300), P1));
    store.addGroup(group(id(301), P1));
    store.replaceGroup({ ...group(id(300), P1, [id(2)]), description: 'renamed' });
    expect(store.groupsOf(P1, 0, 10).items.map((g) => [g.id, g.description, g.users])).toEqual([
      [id(300), 'renamed', [id(2)]],
      [id(301), `g-${id(301)}`, []],
    ]);
    expect(() => store.replaceGroup(group(id(300), P2))).toThrow(/not a group of project/);
  });

  it('caps users and groups per session', () => {
    const store = new RoamStore(seed(), { maxUsers: 4, maxGroups: 2 });
    expect(store.addUser(user(id(4), P1))).toMatchObject({ id: id(4) });
    expect(store.addUser(user(id(5), P1))).toEqual({ full: 'count' });
    expect(store.addGroup(group(id(400), P1))).toMatchObject({ id: id(400) });
    expect(store.addGroup(group(id(401), P1))).toEqual({ full: 'count' });
    expect(store.usersOf(P1, 0, 10).items.map((u) => u.id)).toEqual([id(1), id(2), id(4)]);
  });

  it('sessions built from one seed are independent', () => {
    const shared = seed();
    const a = new RoamStore(shared);
    const b = new RoamStore(shared);
    a.addGroup(group(id(500), P1));
    expect(a.group(P1, id(500))).toBeDefined();
    expect(b.group(P1, id(500))).toBeUndefined();
  });
});
