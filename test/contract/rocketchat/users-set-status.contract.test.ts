import { afterAll, describe, expect, it } from 'vitest';
import { admin, answer, DONE, INVALID_USER, meteor, post, send, USER_PARAM_NOT_PROVIDED } from './membership-client.ts';
import { auth, LIMITED_ID, NOT_LOGGED_IN, oversizedJson, rc, TESTER_ID, TOO_LARGE } from './rocketchat-client.ts';

/**
 * Only the admin's own status changes in this file (tests of one file run in order; other files
 * change tester's and limited.user's), and it goes back to offline at the end.
 */
function setStatus(json: unknown, headers = auth()) {
  return post('usersSetStatus', 'users.setStatus', json, headers);
}

async function me(): Promise<unknown> {
  return (await rc('me', 'me', { headers: await admin() })).json;
}

const invalidParams = (error: string) => ({ success: false, errorType: 'invalid-params', error });
const dateError = (reason: string) => meteor('error-invalid-date', reason, { method: 'users.setStatus' });

describe('POST /api/v1/users.setStatus (research notes issue 11 §5.7)', () => {
  afterAll(async () => {
    await setStatus({ status: 'offline', message: '' }, await admin());
  });

  it('200: status, statusDefault and the trimmed status message', async () => {
    const boss = await admin();
    expect(answer(await setStatus({ status: 'away', message: '  back soon  ' }, boss))).toEqual(DONE);
    expect(await me()).toMatchObject({ status: 'away', statusDefault: 'away', statusText: 'back soon' });
    // A message alone keeps the chosen status; naming yourself is not "another user".
    expect(answer(await setStatus({ message: 'lunch', username: 'rocketchat.internal.admin.test' }, boss))).toEqual(DONE);
    expect(await me()).toMatchObject({ status: 'away', statusText: 'lunch' });
  });

  it('400s in order: body schema, Match check, target, expiresAt', async () => {
    const cases: [unknown, Record<string, string>, unknown][] = [
      [{ status: 'invalid', extra: true }, auth(), invalidParams('must NOT have additional properties')],
      [{ status: 'invalid' }, auth(), invalidParams('must be equal to one of the allowed values')],
      [{ message: ['x'] }, auth(), invalidParams('must be string')],
      [{}, auth(), { success: false, error: 'Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation' }],
      [{ status: 'busy', userId: 'no-such-user-id' }, await admin(), INVALID_USER],
      [{ status: 'busy', username: ' ' }, await admin(), USER_PARAM_NOT_PROVIDED],
      [{ status: 'busy', expiresAt: 'not a date' }, auth(), dateError('Invalid expiresAt date string')],
      [{ status: 'busy', expiresAt: '2001-01-01T00:00:00.000Z' }, auth(), dateError('expiresAt must be a future date')],
    ];
    for (const [json, headers, error] of cases) expect(answer(await setStatus(json, headers)), JSON.stringify(json)).toEqual([400, error]);
  });

  it("403 for another user's status without edit-other-user-info", async () => {
    expect(answer(await setStatus({ status: 'busy', userId: LIMITED_ID }))).toEqual([403, { success: false, error: 'unauthorized' }]);
  });

  it('401 before the body is looked at; 413 over the size limit (modelled)', async () => {
    expect(answer(await setStatus({}, auth(TESTER_ID, 'bad')))).toEqual([401, NOT_LOGGED_IN]);
    const big = await send('usersSetStatus', 'users.setStatus', { headers: { ...auth(), 'content-type': 'application/json' }, body: oversizedJson() });
    expect(answer(big)).toEqual([413, TOO_LARGE]);
  });
});
