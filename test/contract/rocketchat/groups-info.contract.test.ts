import { describe, expect, it } from 'vitest';
import { auth, createGroup, LIMITED, NOT_LOGGED_IN, rc, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, roomName, TESTER_ID } from './rocketchat-client.ts';

function info(query: Record<string, string>, headers = auth()) {
  return rc('groupsInfo', 'groups.info', { headers, query });
}

describe('GET /api/v1/groups.info (research §4)', () => {
  it('200 by roomId or by roomName, the same room groups.create answered', async () => {
    const name = roomName('info');
    const group = await createGroup({ name, members: ['limited.user'] });
    const byId = await info({ roomId: group._id });
    expect([byId.status, byId.json]).toEqual([200, { group, success: true }]);
    const byName = await info({ roomName: name });
    expect(byName.json).toEqual({ group, success: true });
    expect((await info({ roomName: name }, LIMITED)).status).toBe(200);
  });

  it('400 error-room-param-not-provided', async () => {
    const queries: Record<string, string>[] = [{}, { roomId: '' }, { roomName: '  ' }];
    for (const query of queries) {
      const res = await info(query);
      expect([res.status, res.json]).toEqual([400, ROOM_PARAM_NOT_PROVIDED]);
    }
  });

  it('400 error-room-not-found: unknown, public channel, fname or case mismatch, no subscription', async () => {
    const name = roomName('hidden');
    const hidden = await createGroup({ name, excludeSelf: true, members: ['rocket.cat'] });
    const queries: Record<string, string>[] = [
      { roomId: 'NoSuchRoomId12345' },
      { roomName: 'general' },
      { roomId: 'GENERAL' },
      { roomName: name.toUpperCase() },
      { roomId: hidden._id },
      { roomName: name },
    ];
    for (const query of queries) {
      const res = await info(query);
      expect([res.status, res.json]).toEqual([400, ROOM_NOT_FOUND]);
    }
    const res = await info({ roomId: hidden._id }, LIMITED);
    expect([res.status, res.json]).toEqual([400, ROOM_NOT_FOUND]);
  });

  it('401 before anything else', async () => {
    const res = await info({}, auth(TESTER_ID, 'nope'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
  });
});
