import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LIMITED_ID, TESTER_ID, TESTER_TOKEN, authHeaders } from '../support.ts';
import { ADMIN, createdUser, headersOf, send, usersWorld } from './users-support.ts';

const TESTER = authHeaders(TESTER_ID, TESTER_TOKEN);

describe('users.info (research notes issue 10 §4.2)', () => {
  it('another user, seen by the admin: default and full fields, no services, canViewAllInfo', async () => {
    const { session } = usersWorld();
    const res = await send(session, 'usersInfo', { query: { userId: LIMITED_ID } });
    expect(res).toEqual({
      status: 200,
      body: {
        user: {
          _id: LIMITED_ID,
          createdAt: '2024-01-01T00:00:00.000Z',
          username: 'limited.user',
          emails: [{ address: 'limited.user@example.com', verified: true }],
          type: 'user',
          status: 'offline',
          active: true,
          roles: ['limited'],
          name: 'Limited User',
          utcOffset: 0,
          canViewAllInfo: true,
        },
        success: true,
      },
    });
  });

  it('another user, seen by a user: no e-mails, roles or dates', async () => {
    const { session } = usersWorld();
    const res = await send(session, 'usersInfo', { headers: TESTER, query: { username: 'limited.user' } });
    expect(res.body).toEqual({
      user: { _id: LIMITED_ID, username: 'limited.user', type: 'user', status: 'offline', active: true, name: 'Limited User', utcOffset: 0, canViewAllInfo: false },
      success: true,
    });
  });

  it('oneself: services with password true and the hashed login tokens, even without view-full-other-user-info', async () => {
    const { store, session } = usersWorld();
    store.authz.setPermission('view-full-other-user-info', [], '2025-01-01T00:00:00.000Z');
    const res = await send(session, 'usersInfo', { headers: TESTER, query: { userId: TESTER_ID } });
    expect(res.body).toMatchObject({
      user: {
        services: { password: true, resume: { loginTokens: [{ hashedToken: createHash('sha256').update(TESTER_TOKEN).digest('base64') }] } },
        emails: [{ address: 'tester@example.com', verified: true }],
        canViewAllInfo: true,
      },
    });
    // An admin never sees another user's services.
    const other = await send(session, 'usersInfo', { headers: ADMIN, query: { userId: TESTER_ID } });
    expect(other.body).not.toHaveProperty('user.services');
  });

  it('userId, then username, then importId; an id term matches a username too', async () => {
    const { session } = usersWorld();
    expect((await send(session, 'usersInfo', { query: { userId: 'limited.user' } })).body).toMatchObject({ user: { _id: LIMITED_ID } });
    expect((await send(session, 'usersInfo', { query: { username: TESTER_ID } })).body).toMatchObject({ user: { _id: TESTER_ID } });
    expect((await send(session, 'usersInfo', { query: { importId: 'anything' } })).body).toEqual({ success: false, error: 'User not found.' });
  });

  it('"Invalid search query." for empty terms, "User not found." for unknown users (users.ts)', async () => {
    const { session } = usersWorld();
    expect(await send(session, 'usersInfo', { query: { userId: '' } })).toEqual({ status: 400, body: { success: false, error: 'Invalid search query.' } });
    expect(await send(session, 'usersInfo', { query: { username: 'invalid-username' } })).toEqual({ status: 400, body: { success: false, error: 'User not found.' } });
    expect((await send(session, 'usersInfo', { query: { username: 'LIMITED.USER' } })).body).toEqual({ success: false, error: 'User not found.' });
  });

  it('validateParams on the query: none of the three, two of them, or an unknown key', async () => {
    const { session } = usersWorld();
    const res = await send(session, 'usersInfo', { query: {} });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errorType: 'invalid-params' });
    expect((await send(session, 'usersInfo', { query: { userId: TESTER_ID, username: 'tester' } })).body).toMatchObject({ errorType: 'invalid-params' });
    expect((await send(session, 'usersInfo', { query: { userId: TESTER_ID, foo: '1' } })).body).toMatchObject({ errorType: 'invalid-params' });
  });

  it('includeUserRooms: own rooms always; another user\'s only with view-other-user-channels', async () => {
    const { store, session } = usersWorld();
    const user = await createdUser(store, session, 'rooms.user');
    const mine = headersOf(store, user);
    const group = await send(session, 'groupsCreate', { headers: mine, body: { name: 'rooms-user-group' } });
    expect(group.status).toBe(200);
    store.authz.setPermission('view-other-user-channels', [], '2025-01-01T00:00:00.000Z');
    const own = await send(session, 'usersInfo', { headers: mine, query: { userId: user._id, includeUserRooms: 'true' } });
    const rooms = (own.body as { user: { rooms: { rid: string; t: string; name: string; unread: number; roles?: string[] }[] } }).user.rooms;
    expect(rooms.map((r) => [r.t, r.name])).toEqual([
      ['c', 'general'],
      ['p', 'rooms-user-group'],
    ]);
    expect(rooms[0]).toMatchObject({ rid: 'GENERAL', unread: 1 });
    expect(rooms[0]).not.toHaveProperty('roles');
    expect(rooms[1]).toMatchObject({ roles: ['owner'], unread: 0 });
    const denied = await send(session, 'usersInfo', { headers: ADMIN, query: { userId: user._id, includeUserRooms: 'true' } });
    expect(denied.body).not.toHaveProperty('user.rooms');
    const legacy = await send(session, 'usersInfo', { headers: ADMIN, query: { userId: user._id, fields: '{"userRooms":1}' } });
    expect(legacy.body).not.toHaveProperty('user.rooms');
    store.authz.setPermission('view-other-user-channels', ['admin'], '2025-01-01T00:00:00.000Z');
    const allowed = await send(session, 'usersInfo', { headers: ADMIN, query: { userId: user._id, includeUserRooms: 'true' } });
    expect(allowed.body).toHaveProperty('user.rooms');
    const without = await send(session, 'usersInfo', { headers: ADMIN, query: { userId: user._id } });
    expect(without.body).not.toHaveProperty('user.rooms');
  });

  it('custom fields: only those the setting defines, public ones for others', async () => {
    const { store, session } = usersWorld();
    store.settings.set('Accounts_CustomFields', JSON.stringify({ secret: { type: 'text' }, shown: { type: 'text', public: true } }));
    const user = await createdUser(store, session, 'cf.info', { customFields: { secret: 's', shown: 'p' } });
    expect((await send(session, 'usersInfo', { query: { userId: user._id } })).body).toMatchObject({ user: { customFields: { secret: 's', shown: 'p' } } });
    expect((await send(session, 'usersInfo', { headers: authHeaders(TESTER_ID, TESTER_TOKEN), query: { userId: user._id } })).body).toMatchObject({
      user: { customFields: { shown: 'p' } },
    });
    store.settings.set('Accounts_CustomFields', '');
    expect((await send(session, 'usersInfo', { query: { userId: user._id } })).body).not.toHaveProperty('user.customFields');
  });
});
