import { describe, expect, it } from 'vitest';
import { TEAM_ID, TESTER_ID, TESTER_TOKEN, authHeaders } from '../support.ts';
import { createdUser, headersOf, meteor, send, usersWorld } from './users-support.ts';

const TESTER = authHeaders(TESTER_ID, TESTER_TOKEN);
const AT = '2025-01-01T00:00:00.000Z';

describe('users.delete (research notes issue 10 §4.3, users.ts "[/users.delete]")', () => {
  it('403 from the middleware without delete-user, even for the admin once the permission moves', async () => {
    const { store, session } = usersWorld();
    const body = { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' };
    expect(await send(session, 'usersDelete', { headers: TESTER, body: { userId: 'x' } })).toEqual({ status: 403, body });
    store.authz.setPermission('delete-user', ['user'], AT);
    expect((await send(session, 'usersDelete', { body: { userId: TESTER_ID } })).status).toBe(403);
  });

  it('getUserFromParams: nothing given, unknown user; username and user in any case', async () => {
    const { store, session } = usersWorld();
    expect((await send(session, 'usersDelete', { body: {} })).body).toEqual(
      meteor('error-user-param-not-provided', 'The required "userId" or "username" param was not provided'),
    );
    expect((await send(session, 'usersDelete', { body: { userId: ' ', username: 5 } })).body).toMatchObject({ errorType: 'error-user-param-not-provided' });
    expect((await send(session, 'usersDelete', { body: { userId: 'nobody' } })).body).toEqual(
      meteor('error-invalid-user', 'The required "userId" or "username" param provided does not match any users'),
    );
    await createdUser(store, session, 'del.by.name');
    expect(await send(session, 'usersDelete', { body: { username: 'DEL.BY.NAME' } })).toEqual({ status: 200, body: { success: true } });
    await createdUser(store, session, 'del.by.user');
    expect((await send(session, 'usersDelete', { body: { user: 'del.by.user' } })).status).toBe(200);
    expect(store.users.byUsername('del.by.user')).toBeUndefined();
  });

  it('rocket.cat cannot be deleted', async () => {
    const { session } = usersWorld();
    expect((await send(session, 'usersDelete', { body: { userId: 'rocket.cat' } })).body).toEqual(
      meteor('error-action-not-allowed', 'Deleting the rocket.cat user is not allowed', { method: 'deleteUser', action: 'Delete_user' }),
    );
  });

  it('removes the user, its tokens, subscriptions (usersCount down), messages and team memberships', async () => {
    const { store, session } = usersWorld();
    const user = await createdUser(store, session, 'to.delete');
    const headers = headersOf(store, user);
    const general = store.rooms.room('GENERAL');
    const count = general?.usersCount ?? 0;
    const msgs = general?.msgs ?? 0;
    const team = store.teams.team(TEAM_ID);
    if (!team) throw new Error('no fixture team');
    store.teams.setMember(team, { userId: user._id, roles: [], createdAt: AT, createdBy: { _id: TESTER_ID, username: 'tester' } });
    expect(await send(session, 'usersDelete', { body: { userId: user._id } })).toEqual({ status: 200, body: { success: true } });
    expect(store.users.byUserId(user._id)).toBeUndefined();
    expect(general?.usersCount).toBe(count - 1);
    // The `uj` message it wrote is gone (Message_ErasureType Delete); the room counter stays.
    expect(store.messages.ofRoom('GENERAL').some((m) => m.u._id === user._id)).toBe(false);
    expect(general?.msgs).toBe(msgs);
    expect(store.teams.team(TEAM_ID)?.members.has(user._id)).toBe(false);
    expect((await send(session, 'me', { headers })).status).toBe(401);
    expect((await send(session, 'usersInfo', { query: { userId: user._id } })).body).toEqual({ success: false, error: 'User not found.' });
    // Its name and address are free again.
    expect((await createdUser(store, session, 'to.delete'))._id).not.toBe(user._id);
  });

  it('last owner: [user-last-owner] with the room names; confirmRelinquish hands the room to the earliest active member', async () => {
    const { store, session } = usersWorld();
    const owner = await createdUser(store, session, 'last.owner');
    const headers = headersOf(store, owner);
    const shared = await send(session, 'groupsCreate', { headers, body: { name: 'shared-room', members: ['limited.user', 'tester'] } });
    const alone = await send(session, 'groupsCreate', { headers, body: { name: 'alone-room' } });
    const sharedId = (shared.body as { group: { _id: string } }).group._id;
    const aloneId = (alone.body as { group: { _id: string } }).group._id;
    const limited = store.users.byUsername('limited.user');
    if (limited) limited.active = false;
    const refused = await send(session, 'usersDelete', { body: { userId: owner._id } });
    expect(refused).toEqual({
      status: 400,
      body: { success: false, error: '[user-last-owner]', errorType: 'user-last-owner', details: { shouldBeRemoved: ['alone-room'], shouldChangeOwner: ['shared-room'] } },
    });
    expect(store.users.byUserId(owner._id)).toBeDefined();
    expect((await send(session, 'usersDelete', { body: { userId: owner._id, confirmRelinquish: true } })).status).toBe(200);
    // limited.user joined first but is inactive: tester is the new owner.
    expect(store.rooms.subscription(sharedId, TESTER_ID)?.roles).toEqual(['owner']);
    expect(store.rooms.room(sharedId)?.usersCount).toBe(2);
    expect(store.rooms.room(aloneId)).toBeUndefined();
  });

  it('a room whose only member is the (non-owner) user needs confirmRelinquish too, and is erased', async () => {
    const { store, session } = usersWorld();
    const user = await createdUser(store, session, 'only.member');
    const created = await send(session, 'groupsCreate', { headers: TESTER, body: { name: 'left-behind', members: ['only.member'] } });
    const rid = (created.body as { group: { _id: string } }).group._id;
    store.rooms.unsubscribe(rid, TESTER_ID);
    expect((await send(session, 'usersDelete', { body: { userId: user._id } })).body).toMatchObject({ details: { shouldBeRemoved: ['left-behind'] } });
    expect((await send(session, 'usersDelete', { body: { userId: user._id, confirmRelinquish: 'yes' } })).status).toBe(200);
    expect(store.rooms.room(rid)).toBeUndefined();
  });

  it('erasing a team\'s main room erases the team; its other rooms leave the team', async () => {
    const { store, session } = usersWorld();
    const team = store.teams.team(TEAM_ID);
    const mainId = team?.roomId ?? '';
    expect(store.rooms.room(mainId)?.usersCount).toBe(1);
    const inTeam = await send(session, 'groupsCreate', { headers: TESTER, body: { name: 'team-child', members: ['limited.user'], extraData: { teamId: TEAM_ID } } });
    const childId = (inTeam.body as { group: { _id: string } }).group._id;
    expect(store.rooms.room(childId)?.teamId).toBe(TEAM_ID);
    expect((await send(session, 'usersDelete', { body: { userId: TESTER_ID, confirmRelinquish: true } })).status).toBe(200);
    expect(store.teams.team(TEAM_ID)).toBeUndefined();
    expect(store.rooms.room(mainId)).toBeUndefined();
    expect(store.rooms.room(childId)).toMatchObject({ teamId: undefined, usersCount: 1 });
    expect(store.rooms.subscription(childId, store.users.byUsername('limited.user')?._id ?? '')?.roles).toEqual(['owner']);
  });
});
