import { describe, expect, it } from 'vitest';
import { createPrivateGroup } from '../../../../src/apis/rocketchat/rooms/create-group.ts';
import type { PrivateRoom } from '../../../../src/apis/rocketchat/model.ts';
import type { Result } from '../../../../src/apis/rocketchat/result.ts';
import type { RocketChatStore } from '../../../../src/apis/rocketchat/store/store.ts';
import { groupView } from '../../../../src/apis/rocketchat/rooms/views.ts';
import { defaultFixture, freshStore, PINNED_NOW, pinnedDeps, TEAM_ID, TESTER_ID, userOf } from './support.ts';

function create(store: RocketChatStore, body: unknown, username = 'tester'): Result<PrivateRoom> {
  return createPrivateGroup(store, pinnedDeps(), userOf(store, username), body);
}

function created(store: RocketChatStore, body: unknown, username = 'tester'): PrivateRoom {
  const result = create(store, body, username);
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function errorType(result: Result<PrivateRoom>): string | undefined {
  return result.ok ? undefined : (result.error.errorType ?? result.error.error);
}

function memberNames(store: RocketChatStore, rid: string): string[] {
  return store.rooms.subscriptionsOf(rid).map((sub) => store.users.byUserId(sub.userId)?.username ?? '?');
}

const TESTER_REF = { _id: TESTER_ID, username: 'tester', name: 'Tester' };

describe('createPrivateGroup: the issue request (research §3.1)', () => {
  it('answers the exact room for the curl of the issue, with pinned id and clock', () => {
    const store = freshStore();
    const room = created(store, {
      name: 'groupname',
      members: ['rocket.cat'],
      readOnly: true,
      excludeSelf: true,
      customFields: { type: 'default' },
      extraData: { broadcast: true, encrypted: false, teamId: TEAM_ID },
    });
    expect(groupView(room)).toEqual({
      _id: expect.stringMatching(/^[23456789A-HJ-NP-Za-km-z]{17}$/) as unknown,
      fname: 'groupname',
      name: 'groupname',
      t: 'p',
      msgs: 0,
      usersCount: 1,
      u: TESTER_REF,
      ts: PINNED_NOW,
      ro: true,
      _updatedAt: PINNED_NOW,
      customFields: { type: 'default' },
      teamId: TEAM_ID,
      broadcast: true,
      encrypted: false,
    });
    expect(room._id).toBe(created(freshStore(), { name: 'groupname' })._id); // same seed, same id
    expect(memberNames(store, room._id)).toEqual(['rocket.cat']);
    expect(errorType(create(store, { name: 'groupname' }))).toBe('error-duplicate-channel-name');
  });
});

describe('createPrivateGroup: names (research §2.2 items 10–12, §2.4)', () => {
  it('trims the name and keeps the raw string as fname', () => {
    const room = created(freshStore(), { name: '  spaced  ' });
    expect([room.name, room.fname]).toEqual(['spaced', '  spaced  ']);
  });

  it('whitespace-only → error-invalid-name; bad characters and blocked names → error-invalid-room-name', () => {
    const store = freshStore();
    expect(create(store, { name: '   ' })).toEqual({
      ok: false,
      error: {
        success: false,
        error: 'Invalid name [error-invalid-name]',
        errorType: 'error-invalid-name',
        details: { function: 'RocketChat.createRoom' },
      },
    });
    expect(errorType(create(store, { name: 'my group' }))).toBe('error-invalid-room-name');
    expect(errorType(create(store, { name: 'Admin' }))).toBe('error-invalid-room-name');
    // Nothing was created: only the default fixture's rooms.
    expect(store.rooms.count).toBe(defaultFixture.rooms.length);
  });

  it('duplicates are checked against every room, the seeded ones included, case-sensitively', () => {
    const store = freshStore();
    expect(create(store, { name: 'general' })).toEqual({
      ok: false,
      error: {
        success: false,
        error: "A channel with name 'general' exists [error-duplicate-channel-name]",
        errorType: 'error-duplicate-channel-name',
        details: { function: 'RocketChat.getValidRoomName', channel_name: 'general' },
      },
    });
    expect(errorType(create(store, { name: 'tester-team' }))).toBe('error-duplicate-channel-name');
    expect(errorType(create(store, { name: ' general ' }))).toBe('error-duplicate-channel-name');
    expect(create(store, { name: 'General' }).ok).toBe(true);
  });
});

describe('createPrivateGroup: members (research §1.1, §3.3)', () => {
  it('adds the creator first as owner, de-duplicates and drops unknown usernames', () => {
    const store = freshStore();
    const room = created(store, { name: 'm1', members: ['rocket.cat', 'nobody', 'rocket.cat', 'limited.user'] });
    expect(memberNames(store, room._id)).toEqual(['tester', 'rocket.cat', 'limited.user']);
    expect(room.usersCount).toBe(3);
    expect(store.rooms.subscription(room._id, TESTER_ID)?.roles).toEqual(['owner']);
    expect(store.rooms.subscription(room._id, 'rocket.cat')?.roles).toEqual([]);
  });

  it('matches usernames exactly (case-sensitive)', () => {
    const store = freshStore();
    expect(memberNames(store, created(store, { name: 'm2', members: ['Rocket.Cat'] })._id)).toEqual(['tester']);
  });

  it('excludeSelf leaves the creator out but keeps them as u; listing themselves subscribes them anyway', () => {
    const store = freshStore();
    const room = created(store, { name: 'm3', members: ['rocket.cat'], excludeSelf: true });
    expect(memberNames(store, room._id)).toEqual(['rocket.cat']);
    expect(room.u).toEqual(TESTER_REF);
    const listed = created(store, { name: 'm4', members: ['tester'], excludeSelf: true });
    expect(memberNames(store, listed._id)).toEqual(['tester']);
  });

  it('excludeSelf with no members gives an empty room', () => {
    const store = freshStore();
    expect(created(store, { name: 'm5', excludeSelf: true }).usersCount).toBe(0);
  });
});

describe('createPrivateGroup: room fields (research §1.1, §3.1)', () => {
  it('ro is readOnly === true or broadcast === true; "true" strings do not count', () => {
    const store = freshStore();
    expect(created(store, { name: 'r1', readOnly: true }).ro).toBe(true);
    expect(created(store, { name: 'r2', readOnly: 'true' }).ro).toBe(false);
    expect(created(store, { name: 'r3', extraData: { broadcast: true } }).ro).toBe(true);
    expect(created(store, { name: 'r4', extraData: { broadcast: 'true' } }).ro).toBe(false);
    expect(created(store, { name: 'r5' }).ro).toBe(false);
  });

  it('customFields only when a non-empty object', () => {
    const store = freshStore();
    expect(created(store, { name: 'c1', customFields: {} }).customFields).toBeUndefined();
    expect(created(store, { name: 'c2', customFields: ['a'] }).customFields).toBeUndefined();
    expect(created(store, { name: 'c3', customFields: { a: 1 } }).customFields).toEqual({ a: 1 });
  });

  it('copies extraData keys onto the room, except teamId, protected fields, mistyped known keys and __proto__', () => {
    const store = freshStore();
    const extraData: unknown = JSON.parse(
      '{"topic":"t","encrypted":true,"custom":{"x":1},"name":"hijack","msgs":99,"_id":"X","federated":"no","__proto__":{"polluted":true}}',
    );
    const view = groupView(created(store, { name: 'e1', extraData }));
    expect(view).toMatchObject({ name: 'e1', msgs: 0, topic: 't', encrypted: true, custom: { x: 1 } });
    expect(view._id).not.toBe('X');
    expect(Object.hasOwn(view, 'federated')).toBe(false);
    expect(Object.hasOwn(view, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(view)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores unknown body keys (e.g. `usernames` instead of `members`)', () => {
    const store = freshStore();
    const room = created(store, { name: 'u1', usernames: ['rocket.cat'] });
    expect(memberNames(store, room._id)).toEqual(['tester']);
  });
});

describe('createPrivateGroup: team and permissions (research §2.2 items 7–9)', () => {
  it('unknown or non-string teamId → error-team-not-found', () => {
    const store = freshStore();
    for (const teamId of ['nope', 123, ['x']]) {
      expect(create(store, { name: 't1', extraData: { teamId } })).toEqual({
        ok: false,
        error: {
          success: false,
          error: 'The "teamId" param provided does not match any team [error-team-not-found]',
          errorType: 'error-team-not-found',
          details: { method: 'createPrivateGroup' },
        },
      });
    }
  });

  it('a falsy teamId means no team (create-p applies)', () => {
    const room = created(freshStore(), { name: 't2', extraData: { teamId: '' } });
    expect(room.teamId).toBeUndefined();
  });

  it('without create-p → 400 Not allowed, before any name check', () => {
    const store = freshStore();
    const notAllowed = {
      ok: false,
      error: {
        success: false,
        error: 'Not allowed [error-not-allowed]',
        errorType: 'error-not-allowed',
        details: { method: 'createPrivateGroup' },
      },
    };
    expect(create(store, { name: 'p1' }, 'limited.user')).toEqual(notAllowed);
    expect(create(store, { name: 'general' }, 'limited.user')).toEqual(notAllowed);
    expect(create(store, { name: 'bad name' }, 'limited.user')).toEqual(notAllowed);
  });

  it('inside a team, create-team-group in that team is needed instead of create-p', () => {
    const store = freshStore();
    expect(created(store, { name: 'p2', extraData: { teamId: TEAM_ID } }).teamId).toBe(TEAM_ID);
    expect(errorType(create(store, { name: 'p3', extraData: { teamId: TEAM_ID } }, 'limited.user'))).toBe('error-not-allowed');
  });

  it('federated rooms need access-federation', () => {
    const store = freshStore();
    // The default grants give it to every user; take it away from them.
    store.authz.setPermission('access-federation', ['admin'], '2025-01-01T00:00:00.000Z');
    expect(errorType(create(store, { name: 'f1', extraData: { federated: true } }))).toBe('error-not-authorized-federation');
    expect(create(store, { name: 'f2', extraData: { federated: false } }).ok).toBe(true);
  });

  it('team checks come before the name checks, and the body checks before everything', () => {
    const store = freshStore();
    expect(errorType(create(store, { name: 'general', extraData: { teamId: 'nope' } }))).toBe('error-team-not-found');
    expect(create(store, { extraData: { teamId: 'nope' } })).toEqual({
      ok: false,
      error: { success: false, error: 'Body param "name" is required' },
    });
  });

  it('caps the rooms of a session (modelled)', () => {
    // The default fixtures hold three rooms: one more fits.
    const store = freshStore({ maxRooms: 4 });
    expect(create(store, { name: 'cap1' }).ok).toBe(true);
    expect(create(store, { name: 'cap2' })).toEqual({
      ok: false,
      error: {
        success: false,
        error: 'This mock session holds the maximum of 4 rooms [error-twin-room-limit]',
        errorType: 'error-twin-room-limit',
      },
    });
  });
});

describe('createPrivateGroup: names held by archived rooms (getValidRoomName)', () => {
  it('answers error-archived-duplicate-name, not the plain duplicate', () => {
    const store = freshStore();
    const room = created(store, { name: 'old-project' });
    store.rooms.update(room, (r) => { r.extra = new Map([...r.extra, ['archived', true]]); });
    expect(create(store, { name: 'old-project' })).toEqual({
      ok: false,
      error: {
        success: false,
        error: "There's an archived channel with name old-project [error-archived-duplicate-name]",
        errorType: 'error-archived-duplicate-name',
        details: { function: 'RocketChat.getValidRoomName', channel_name: 'old-project' },
      },
    });
  });
});
