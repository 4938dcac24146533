import { describe, expect, it } from 'vitest';
import { auth, bodyOf, createGroup, LIMITED, NOT_LOGGED_IN, rc, roomName, type Schemas } from './rocketchat-client.ts';

type ListBody = Schemas['GroupsListResponse'];

async function list(query: Record<string, string> = {}, headers = auth()): Promise<ListBody> {
  const res = await rc('groupsList', 'groups.list', { headers, query });
  expect(res.status, res.text).toBe(200);
  return bodyOf(res, 'GroupsListResponse');
}

describe('GET /api/v1/groups.list (research §4, §5.2)', () => {
  it('200: only subscribed private groups, sorted by name, with count/offset/total', async () => {
    const prefix = roomName('list');
    await createGroup({ name: `${prefix}-b` });
    await createGroup({ name: `${prefix}-a` });
    await createGroup({ name: `${prefix}-c`, excludeSelf: true, members: ['rocket.cat'] });
    const all = await list({ count: '0' });
    const mine = all.groups.map((g) => g.name).filter((n) => n.startsWith(prefix));
    expect(mine).toEqual([`${prefix}-a`, `${prefix}-b`]);
    expect(all.groups.map((g) => g.name)).toEqual([...all.groups.map((g) => g.name)].sort());
    expect(all.count).toBe(all.groups.length);
    expect(all.offset).toBe(0);
    expect(all.total).toBeGreaterThanOrEqual(all.count);
    expect(all.success).toBe(true);
  });

  it('sort {"name":-1} reverses the order', async () => {
    const prefix = roomName('sort');
    for (const suffix of ['x', 'z', 'y']) await createGroup({ name: `${prefix}-${suffix}` });
    const desc = await list({ count: '0', sort: '{"name":-1}' });
    expect(desc.groups.map((g) => g.name).filter((n) => n.startsWith(prefix))).toEqual([`${prefix}-z`, `${prefix}-y`, `${prefix}-x`]);
  });

  it('count and offset page through the list', async () => {
    await createGroup({ name: roomName('page') });
    await createGroup({ name: roomName('page') });
    const page = await list({ count: '1', offset: '1' });
    expect(page.groups).toHaveLength(1);
    expect(page).toMatchObject({ count: 1, offset: 1 });
    expect(page.total).toBeGreaterThanOrEqual(2);
  });

  it("lists a group for its members only: the creator with excludeSelf does not see it", async () => {
    const name = roomName('others');
    await createGroup({ name, excludeSelf: true, members: ['limited.user'] });
    const theirs = await list({ count: '0' }, LIMITED);
    expect(theirs.groups.map((g) => g.name)).toContain(name);
    const mine = await list({ count: '0' });
    expect(mine.groups.map((g) => g.name)).not.toContain(name);
  });

  it.each(['{"name":2}', '{"name":"asc"}', 'name', '{"name":1'])('400 error-invalid-sort for %s', async (sort) => {
    const res = await rc('groupsList', 'groups.list', { headers: auth(), query: { sort } });
    expect([res.status, res.json]).toEqual([
      400,
      {
        success: false,
        error: `Invalid sort parameter provided: "${sort}" [error-invalid-sort]`,
        errorType: 'error-invalid-sort',
        details: { helperMethod: 'parseJsonQuery' },
      },
    ]);
  });

  it('401 without credentials', async () => {
    const res = await rc('groupsList', 'groups.list', { query: { sort: 'bad' } });
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
  });
});
