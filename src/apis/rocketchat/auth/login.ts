import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { loginFailedBody, loginRefusedBody, rcErrors } from '../errors.ts';
import { loginToken } from '../random-id.ts';
import { attemptLogin } from './login-forms.ts';
import { userInfo } from './user-info.ts';

/**
 * POST /api/v1/login (AC `/login`; research notes issue 10 §2): every body form of
 * login-forms.ts. A password login mints a new 43-character token; `resume` answers the same
 * token. Failures, in the vendor's order: credentials (401 `Unauthorized`, whatever was wrong),
 * then `validateLoginAttempt` (deactivated user, user without roles: 401 with their own codes).
 */
export const login: OperationHandler<operations, 'login', RocketChatContext> = (input, { store, deps }) => {
  const attempt = attemptLogin(store, input.body);
  if (attempt.kind === 'crash') return { status: 500, body: rcErrors.internalError() };
  if (attempt.kind === 'failed') return { status: 401, body: loginFailedBody() };
  const { user } = attempt;
  if (!user.active) return { status: 401, body: loginRefusedBody('error-user-is-not-activated', 'User is not activated') };
  if (user.roles.length === 0) return { status: 401, body: loginRefusedBody('error-user-has-no-roles', 'User has no roles') };
  let authToken: string;
  if (attempt.kind === 'resume') {
    authToken = attempt.token;
  } else {
    authToken = loginToken(deps.random);
    store.tokens.mint(authToken, user._id);
  }
  return { status: 200, body: { status: 'success', data: { userId: user._id, authToken, me: userInfo(store, user) }, success: true } };
};
