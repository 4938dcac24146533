import { afterAll, describe, expect, it } from 'vitest';
import { answer, DONE, get, groupWith, post } from './membership-client.ts';
import { auth, LIMITED, LIMITED_ID, NOT_LOGGED_IN, TESTER_ID } from './rocketchat-client.ts';

/**
 * limited.user's status is changed only in this file (tests of one file run in order), and put
 * back to the fixture's offline at the end.
 */
function online(query: Record<string, string>, headers = LIMITED) {
  return get('groupsOnline', 'groups.online', query, headers);
}

function setStatus(status: string) {
  return post('usersSetStatus', 'users.setStatus', { message: '', status }, LIMITED);
}

describe('GET /api/v1/groups.online (research notes issue 11 §5.6)', () => {
  afterAll(async () => {
    await setStatus('offline');
  });

  it('an empty list while every member is offline, then the member who set the status online (test T)', async () => {
    const group = await groupWith(['limited.user'], { excludeSelf: true });
    expect(answer(await setStatus('offline'))).toEqual(DONE);
    expect(answer(await online({ _id: group._id }))).toEqual([200, { online: [], success: true }]);
    expect(answer(await setStatus('online'))).toEqual(DONE);
    expect(answer(await online({ _id: group._id }))).toEqual([200, { online: [{ _id: LIMITED_ID, username: 'limited.user' }], success: true }]);
    expect(answer(await setStatus('busy'))).toEqual(DONE);
    expect(answer(await online({ _id: group._id }))).toEqual([200, { online: [{ _id: LIMITED_ID, username: 'limited.user' }], success: true }]);
  });

  it('400s in order: the query schema, no _id (query is ignored), no such group, no access (test T)', async () => {
    const group = await groupWith([]);
    const cases: [Record<string, string>, unknown][] = [
      [{ roomId: group._id }, { success: false, error: 'must NOT have additional properties [invalid-params]', errorType: 'invalid-params' }],
      [{}, { success: false, error: 'Invalid query' }],
      [{ query: '{}' }, { success: false, error: 'Invalid query' }],
      [{ _id: 'GENERAL' }, { success: false, error: 'Group does not exists' }],
      [{ _id: group._id }, { success: false, error: 'Not Allowed [error-not-allowed]', errorType: 'error-not-allowed' }],
    ];
    for (const [query, error] of cases) expect(answer(await online(query)), JSON.stringify(query)).toEqual([400, error]);
  });

  it('401 without valid credentials', async () => {
    expect(answer(await online({ _id: 'x' }, auth(TESTER_ID, 'bad')))).toEqual([401, NOT_LOGGED_IN]);
  });
});
