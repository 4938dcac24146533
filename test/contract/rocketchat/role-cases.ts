import { expect } from 'vitest';
import { answer, get, groupWith, INVALID_USER, meteor, post, USER_PARAM_NOT_PROVIDED } from './membership-client.ts';
import { auth, LIMITED, NOT_LOGGED_IN, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, TESTER_ID, type Schemas } from './rocketchat-client.ts';

/** The checks every room-role route makes before its method's own (research notes issue 11 §5.3). */
export async function expectRouteChecks(operationId: string, path: string, method: string): Promise<void> {
  const group = await groupWith(['limited.user']);
  const cases: [unknown, Record<string, string>, Schemas['Failure']][] = [
    [{ userId: TESTER_ID }, auth(), ROOM_PARAM_NOT_PROVIDED],
    [{ roomName: 'general', userId: TESTER_ID }, auth(), ROOM_NOT_FOUND],
    [{ roomId: group._id }, auth(), USER_PARAM_NOT_PROVIDED],
    [{ roomId: group._id, username: 'no.such.user.roles' }, auth(), INVALID_USER],
    // limited.user is a member without set-owner/set-moderator/set-leader.
    [{ roomId: group._id, userId: TESTER_ID }, LIMITED, meteor('error-not-allowed', 'Not allowed', { method })],
  ];
  for (const [json, headers, error] of cases) {
    expect(answer(await post(operationId, path, json, headers)), JSON.stringify(json)).toEqual([400, error]);
  }
  expect(answer(await post(operationId, path, {}, auth(TESTER_ID, 'bad')))).toEqual([401, NOT_LOGGED_IN]);
}

/** The roles of one member, as groups.roles lists them (none: undefined). */
export async function rolesOf(roomId: string, username: string): Promise<string[] | undefined> {
  const res = await get('groupsRoles', 'groups.roles', { roomId });
  expect(res.status).toBe(200);
  const body = res.json as Schemas['MembershipRolesResponse'];
  return body.roles.find((entry) => entry.u.username === username)?.roles;
}
