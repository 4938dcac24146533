import { describe, expect, it } from 'vitest';
import { expectMiddlewareHeaders, expectRouteHeaders, messageGroup } from './messages-client.ts';
import { auth, NOT_LOGGED_IN, rc, ROOM_NOT_FOUND, roomName, TESTER_ID } from './rocketchat-client.ts';

function get(query: Record<string, string>, headers = auth()) {
  return rc('groupsFiles', 'groups.files', { headers, query });
}

describe('GET /api/v1/groups.files (uploads.helper.ts testFileUploads("groups.files", "p"); uploads not modelled)', () => {
  it('200 by roomId or roomName, with count and offset: an empty page', async () => {
    const group = await messageGroup(roomName('files'));
    const queries: Record<string, string>[] = [{ roomId: group._id }, { roomName: group.name }, { roomId: group._id, count: '5', offset: '0' }, { roomName: group.name, count: '5', offset: '0' }];
    for (const query of queries) {
      const res = await get(query);
      expect([res.status, res.json]).toEqual([200, { files: [], count: 0, offset: 0, total: 0, success: true }]);
      expectRouteHeaders(res);
    }
  });

  it('400 for an invalid channel and for both selectors', async () => {
    const invalid = await get({ roomId: 'invalid' });
    expect([invalid.status, invalid.json]).toEqual([400, ROOM_NOT_FOUND]);
    expectRouteHeaders(invalid);
    const group = await messageGroup(roomName('files'));
    const both = await get({ roomId: group._id, roomName: group.name });
    expect([both.status, both.json]).toEqual([
      400,
      {
        success: false,
        error: 'must NOT have additional properties\n must NOT have additional properties\n must match exactly one schema in oneOf [invalid-params]',
        errorType: 'invalid-params',
      },
    ]);
  });

  it('401 from the authentication middleware', async () => {
    const res = await get({ roomId: 'x' }, auth(TESTER_ID, 'bad'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
  });
});
