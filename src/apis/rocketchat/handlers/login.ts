import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { loginFailedBody } from '../errors.ts';
import { own } from '../parse-body.ts';
import { loginToken } from '../random-id.ts';
import { userView } from '../views.ts';

/**
 * POST /api/v1/login (research/rocketchat.md §5.1): `user` or `username` plus `password` → a new
 * 43-character token each time, valid in this session until logout. Anything else → 401
 * `{status:"error", error:"Unauthorized", message:"Unauthorized"}` (AR shape; strings modelled).
 * Fields are read as sent, since the body may not match the schema (a number password simply fails).
 */
export const login: OperationHandler<operations, 'login', RocketChatContext> = (input, { store, deps }) => {
  const given = own(input.body, 'user') ?? own(input.body, 'username');
  const password = own(input.body, 'password');
  const user = typeof given === 'string' ? store.userByUsername(given) : undefined;
  if (!user?.active || user.password === undefined || password !== user.password) {
    return { status: 401, body: loginFailedBody() };
  }
  const authToken = loginToken(deps.random);
  store.mintToken(authToken, user._id);
  return { status: 200, body: { status: 'success', data: { userId: user._id, authToken, me: userView(user) } } };
};
