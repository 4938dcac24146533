import { describe, expect, it } from 'vitest';
import {
  auth,
  bodyOf,
  createGroup,
  LIMITED,
  LIMITED_ID,
  NOT_LOGGED_IN,
  notAllowed,
  oversizedJson,
  rc,
  ROOM_NOT_FOUND,
  ROOM_PARAM_NOT_PROVIDED,
  roomName,
  TESTER_ID,
  TOO_LARGE,
  type Schemas,
} from './rocketchat-client.ts';

function invite(json: unknown, headers = auth()) {
  return rc('groupsInvite', 'groups.invite', { headers, json });
}

describe('POST /api/v1/groups.invite (research §4)', () => {
  it('200: msgs and usersCount grow by one per added user; members are skipped', async () => {
    const name = roomName('invite');
    const group = await createGroup({ name });
    const first = await invite({ roomName: name, username: 'limited.user' });
    expect(first.status).toBe(200);
    const after = bodyOf(first, 'GroupResponse').group;
    expect(after).toMatchObject({ _id: group._id, msgs: group.msgs + 1, usersCount: group.usersCount + 1 });
    const second = await invite({ roomId: group._id, userIds: ['rocket.cat', LIMITED_ID], usernames: ['tester'] });
    expect(bodyOf(second, 'GroupResponse').group).toMatchObject({ msgs: group.msgs + 2, usersCount: group.usersCount + 2 });
    const info = await rc('groupsInfo', 'groups.info', { headers: LIMITED, query: { roomId: group._id } });
    expect(info.status).toBe(200);
  });

  it('roomId may carry the name (findOneByIdOrName)', async () => {
    const name = roomName('byname');
    await createGroup({ name });
    const res = await invite({ roomId: name, userId: 'rocket.cat' });
    expect(res.status).toBe(200);
  });

  it('400s in the vendor order', async () => {
    const name = roomName('inverr');
    await createGroup({ name, members: ['limited.user'] });
    const hidden = roomName('invhidden');
    await createGroup({ name: hidden, excludeSelf: true });
    const cases: [unknown, Record<string, string>, Schemas['Failure']][] = [
      [{ username: 'rocket.cat' }, auth(), ROOM_PARAM_NOT_PROVIDED],
      [{ roomName: 'general', username: 'rocket.cat' }, auth(), ROOM_NOT_FOUND],
      [
        { roomName: name },
        auth(),
        {
          success: false,
          error: 'Please provide "userId" or "username" or "userIds" or "usernames" as param [error-users-params-not-provided]',
          errorType: 'error-users-params-not-provided',
        },
      ],
      [
        { roomName: name, usernames: ['no.such.user'] },
        auth(),
        { success: false, error: 'Cannot invite if no valid users are provided [error-empty-invite-list]', errorType: 'error-empty-invite-list' },
      ],
      [{ roomName: hidden, username: 'rocket.cat' }, auth(), notAllowed('addUsersToRoom')],
      [{ roomName: name, username: 'rocket.cat' }, LIMITED, notAllowed('addUsersToRoom')],
    ];
    for (const [json, headers, expected] of cases) {
      const res = await invite(json, headers);
      expect([res.status, res.json], JSON.stringify(json)).toEqual([400, expected]);
    }
  });

  it('401 before the body is looked at', async () => {
    const res = await invite({}, auth(TESTER_ID, 'bad'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
  });

  it('413 for a body over the limit (modelled)', async () => {
    const res = await rc('groupsInvite', 'groups.invite', { headers: { ...auth(), 'content-type': 'application/json' }, body: oversizedJson() });
    expect([res.status, res.json]).toEqual([413, TOO_LARGE]);
  });
});
