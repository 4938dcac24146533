import { describe, expect, it } from 'vitest';
import { admin, answer, get, groupWith } from './membership-client.ts';
import { auth, LIMITED, LIMITED_ID, NOT_LOGGED_IN, TESTER_ID, TIMESTAMP } from './rocketchat-client.ts';

function getOne(query: Record<string, string>, headers = auth()) {
  return get('subscriptionsGetOne', 'subscriptions.getOne', query, headers);
}

describe('GET /api/v1/subscriptions.getOne (research notes issue 11 §5.10)', () => {
  it("200: the creator's subscription with its owner role; a member's without roles; null for others", async () => {
    const group = await groupWith(['limited.user']);
    const mine = await getOne({ roomId: group._id });
    expect(answer(mine)).toEqual([
      200,
      {
        subscription: {
          _id: expect.any(String) as unknown,
          open: true,
          alert: false,
          unread: 0,
          userMentions: 0,
          groupMentions: 0,
          ts: expect.stringMatching(TIMESTAMP) as unknown,
          rid: group._id,
          name: group.name,
          fname: group.fname,
          t: 'p',
          u: { _id: TESTER_ID, username: 'tester', name: 'Tester' },
          roles: ['owner'],
          _updatedAt: expect.stringMatching(TIMESTAMP) as unknown,
        },
        success: true,
      },
    ]);
    const member = await getOne({ roomId: group._id }, LIMITED);
    expect(member.json).toMatchObject({ subscription: { rid: group._id, u: { _id: LIMITED_ID, username: 'limited.user' } }, success: true });
    expect((member.json as { subscription: object }).subscription).not.toHaveProperty('roles');
    expect(answer(await getOne({ roomId: group._id }, await admin()))).toEqual([200, { subscription: null, success: true }]);
    expect(answer(await getOne({ roomId: 'no-such-room' }))).toEqual([200, { subscription: null, success: true }]);
  });

  it('400: the typed query schema, then an empty roomId; 401', async () => {
    expect(answer(await getOne({}))).toEqual([400, { success: false, errorType: 'error-invalid-params', error: "must have required property 'roomId'" }]);
    expect(answer(await getOne({ roomId: 'x', other: 'y' }))).toEqual([400, { success: false, errorType: 'error-invalid-params', error: 'must NOT have additional properties' }]);
    expect(answer(await getOne({ roomId: '' }))).toEqual([400, { success: false, error: "The 'roomId' param is required" }]);
    expect(answer(await getOne({ roomId: 'x' }, auth(TESTER_ID, 'bad')))).toEqual([401, NOT_LOGGED_IN]);
  });
});
