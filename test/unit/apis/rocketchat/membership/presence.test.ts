import { describe, expect, it } from 'vitest';
import { LIMITED_ID, TESTER_ID } from '../support.ts';
import { ADMIN, ADMIN_ID, group, INVALID_USER, LIMITED, meteor, run, USER_PARAM, world } from './membership-support.ts';

const DONE = { status: 200, body: { success: true } };
const invalidParams = (error: string) => ({ success: false, errorType: 'invalid-params', error });
const MATCH = { success: false, error: 'Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation' };

describe('users.setStatus (research notes issue 11 §5.7, 8.x route)', () => {
  it('stores status, statusDefault and the trimmed message; the message alone keeps the default status', async () => {
    const w = world();
    w.clock.set('2025-01-15T11:00:00.000Z');
    expect(await run(w, 'usersSetStatus', { body: { message: '', status: 'online' }, headers: LIMITED })).toEqual(DONE);
    const limited = w.store.users.byUserId(LIMITED_ID);
    expect(limited).toMatchObject({ status: 'online', statusDefault: 'online', statusText: '', _updatedAt: '2025-01-15T11:00:00.000Z' });
    expect(await run(w, 'usersSetStatus', { body: { status: 'busy', message: `  ${'x'.repeat(130)}  ` }, headers: LIMITED })).toEqual(DONE);
    expect(limited).toMatchObject({ status: 'busy', statusDefault: 'busy', statusText: 'x'.repeat(120) });
    // No status: statusDefault (busy); no message: statusText unchanged.
    expect(await run(w, 'usersSetStatus', { body: { message: 'lunch' }, headers: LIMITED })).toEqual(DONE);
    expect(limited).toMatchObject({ status: 'busy', statusText: 'lunch' });
    expect(await run(w, 'usersSetStatus', { body: { status: 'away', message: null }, headers: LIMITED })).toEqual(DONE);
    expect(limited).toMatchObject({ status: 'away', statusText: 'lunch' });
    // tester has no statusDefault: online.
    const tester = w.store.users.byUserId(TESTER_ID);
    if (tester) tester.status = 'offline';
    expect(await run(w, 'usersSetStatus', { body: { message: 'back' } })).toEqual(DONE);
    expect(tester?.status).toBe('online');
  });

  it('the body schema comes first: unknown keys, types (with coercion), the status list', async () => {
    const w = world();
    const cases: [unknown, string][] = [
      [[1], 'must be object'],
      [{ status: 'bogus', extra: 1 }, 'must NOT have additional properties'],
      [{ status: 'invalid' }, 'must be equal to one of the allowed values'],
      [{ status: '' }, 'must be equal to one of the allowed values'],
      [{ status: null }, 'must be equal to one of the allowed values'],
      [{ status: ['online'] }, 'must be string'],
      [{ message: { text: 'x' } }, 'must be string'],
      [{ message: 'x', userId: null, expiresAt: [] }, 'must be string'],
    ];
    for (const [body, message] of cases) {
      expect(await run(w, 'usersSetStatus', { body }), JSON.stringify(body)).toEqual({ status: 400, body: invalidParams(message) });
    }
    expect(await run(w, 'usersSetStatus', { body: { message: 42 } })).toEqual(DONE);
    expect(w.store.users.byUserId(TESTER_ID)?.statusText).toBe('42');
  });

  it('then the Match check, the setting, the target, the date, the invisible status', async () => {
    const w = world();
    expect(await run(w, 'usersSetStatus', { body: {} })).toEqual({ status: 400, body: MATCH });
    expect(await run(w, 'usersSetStatus', { body: { message: null, username: 'tester' } })).toEqual({ status: 400, body: MATCH });
    // Another user, without edit-other-user-info: 403.
    expect(await run(w, 'usersSetStatus', { body: { status: 'busy', userId: LIMITED_ID } })).toEqual({ status: 403, body: { success: false, error: 'unauthorized' } });
    // Naming yourself is fine.
    expect(await run(w, 'usersSetStatus', { body: { status: 'busy', user: 'tester' } })).toEqual(DONE);
    expect(await run(w, 'usersSetStatus', { body: { status: 'busy', username: ' ' }, headers: ADMIN })).toEqual({ status: 400, body: USER_PARAM });
    expect(await run(w, 'usersSetStatus', { body: { status: 'busy', userId: 'nobody' }, headers: ADMIN })).toEqual({ status: 400, body: INVALID_USER });
    expect(await run(w, 'usersSetStatus', { body: { status: 'busy', username: 'LIMITED.USER' }, headers: ADMIN })).toEqual(DONE);
    expect(w.store.users.byUserId(LIMITED_ID)?.status).toBe('busy');
    expect(w.store.users.byUserId(ADMIN_ID)?.status).toBe('offline');
    expect(await run(w, 'usersSetStatus', { body: { status: 'away', expiresAt: 'soon' } })).toEqual({
      status: 400,
      body: meteor('error-invalid-date', 'Invalid expiresAt date string', { method: 'users.setStatus' }),
    });
    expect(await run(w, 'usersSetStatus', { body: { status: 'away', expiresAt: '2025-01-15T09:00:00.000Z' } })).toEqual({
      status: 400,
      body: meteor('error-invalid-date', 'expiresAt must be a future date', { method: 'users.setStatus' }),
    });
    expect(await run(w, 'usersSetStatus', { body: { status: 'away', expiresAt: '2025-01-15T12:00:00.000Z' } })).toEqual(DONE);
    w.store.settings.set('Accounts_AllowInvisibleStatusOption', false);
    expect(await run(w, 'usersSetStatus', { body: { status: 'offline' } })).toEqual({
      status: 400,
      body: meteor('error-status-not-allowed', 'Invisible status is disabled', { method: 'users.setStatus' }),
    });
    w.store.settings.set('Accounts_AllowUserStatusMessageChange', false);
    expect(await run(w, 'usersSetStatus', { body: { status: 'offline', userId: LIMITED_ID } })).toEqual({
      status: 400,
      body: meteor('error-not-allowed', 'Change status is not allowed', { method: 'users.setStatus' }),
    });
  });
});

describe('groups.online (research notes issue 11 §5.6)', () => {
  it('lists the members who are not offline, in user order, and follows users.setStatus', async () => {
    const w = world();
    const room = group(w, { name: 'online', members: ['limited.user', 'rocket.cat', 'rocketchat.internal.admin.test'] });
    const before = await run(w, 'groupsOnline', { query: { _id: room._id } });
    expect(before.body).toEqual({ online: [{ _id: TESTER_ID, username: 'tester' }, { _id: 'rocket.cat', username: 'rocket.cat' }], success: true });
    await run(w, 'usersSetStatus', { body: { status: 'away' }, headers: ADMIN });
    await run(w, 'usersSetStatus', { body: { status: 'offline' } });
    const after = await run(w, 'groupsOnline', { query: { _id: room._id }, headers: LIMITED });
    // The users store moves an updated user to the end of its order (users/), hence the sort.
    const online = (after.body as { online: { _id: string; username: string }[] }).online;
    expect([...online].sort((a, b) => a._id.localeCompare(b._id))).toEqual([
      { _id: 'rocket.cat', username: 'rocket.cat' },
      { _id: ADMIN_ID, username: 'rocketchat.internal.admin.test' },
    ]);
  });

  it('answers the vendor errors in order', async () => {
    const w = world();
    const room = group(w, { name: 'onerr' });
    const cases: [Record<string, unknown>, unknown][] = [
      [{ roomId: room._id }, { success: false, error: 'must NOT have additional properties [invalid-params]', errorType: 'invalid-params' }],
      [{ _id: [room._id, room._id] }, { success: false, error: 'must be string [invalid-params]', errorType: 'invalid-params' }],
      [{}, { success: false, error: 'Invalid query' }],
      [{ query: '{}' }, { success: false, error: 'Invalid query' }],
      [{ query: JSON.stringify({ _id: room._id }) }, { success: false, error: 'Invalid query' }],
      [{ _id: 'GENERAL' }, { success: false, error: 'Group does not exists' }],
      [{ _id: room._id }, { success: false, error: 'Not Allowed [error-not-allowed]', errorType: 'error-not-allowed' }],
    ];
    for (const [query, error] of cases) {
      expect(await run(w, 'groupsOnline', { query, headers: LIMITED }), JSON.stringify(query)).toEqual({ status: 400, body: error });
    }
    expect((await run(w, 'groupsOnline', { query: { _id: room._id } })).status).toBe(200);
  });
});
