import type { Deps } from '../../../core/types.ts';
import { rcErrors, type Failure } from '../errors.ts';
import type { StoredUser } from '../model.ts';
import type { RocketChatStore } from '../store/store.ts';
import { membershipErrors } from './membership-errors.ts';
import { checkSetStatusBody } from './schema-checks.ts';
import { namesCaller, userFromParams } from './user-params.ts';

/**
 * users.setStatus as the 8.x typed route runs it (apps/meteor/server/api/v1/users.ts @b0e30e75;
 * research notes issue 11 §5.7), with the state a REST-only server can hold: the status is stored
 * as asked (7.x `Users.updateOne({status, statusDefault})`), since the twin has no realtime
 * connections for the presence service to combine it with.
 */

/** What the route answers: done, a 400 body, or 403 (another user named without permission). */
export type SetStatusOutcome = { readonly kind: 'done' } | { readonly kind: 'invalid'; readonly error: Failure } | { readonly kind: 'forbidden' };

/** The longest status message kept (setStatusText: trimmed, then the first 120 characters). */
export const STATUS_TEXT_MAX = 120;

/** Runs the route for `caller` with the body as sent. */
export function setStatus(store: RocketChatStore, deps: Deps, caller: StoredUser, body: unknown): SetStatusOutcome {
  const checked = checkSetStatusBody(body);
  // The router's ajv failure (HR): errorType first, no " [invalid-params]" suffix.
  if (!checked.ok) return invalid(rcErrors.invalidParamsTyped(checked.message));
  const params = checked.value;
  const { status, message, expiresAt } = params;
  // check(body, Match.OneOf({status: Maybe(String), message: String}, {status: String, message: Maybe(String)})).
  if (typeof message !== 'string' && typeof status !== 'string') return invalid(membershipErrors.matchOneOf());
  if (!store.settings.boolean('Accounts_AllowUserStatusMessageChange')) return invalid(membershipErrors.changeStatusNotAllowed());
  let target: StoredUser = caller;
  if (!namesCaller(params, caller)) {
    if (!store.authz.hasPermission(caller, 'edit-other-user-info')) return { kind: 'forbidden' };
    const found = userFromParams(store, params);
    if (!found.ok) return invalid(found.error);
    target = found.value;
  }
  const now = deps.now();
  if (typeof expiresAt === 'string' && expiresAt !== '') {
    const until = new Date(expiresAt);
    if (Number.isNaN(until.getTime())) return invalid(membershipErrors.invalidExpiresAt());
    if (until.getTime() <= now.getTime()) return invalid(membershipErrors.pastExpiresAt());
  }
  const effective = (typeof status === 'string' && status) || target.statusDefault || 'online';
  if (effective === 'offline' && !store.settings.boolean('Accounts_AllowInvisibleStatusOption')) return invalid(membershipErrors.invisibleDisabled());
  const stored = store.users.update(target, (user) => {
    user.status = effective;
    user.statusDefault = effective;
    if (typeof message === 'string') user.statusText = message.trim().slice(0, STATUS_TEXT_MAX);
    user._updatedAt = now.toISOString();
  });
  return stored ? { kind: 'done' } : invalid(rcErrors.sessionFull(store.byteLimit));
}

function invalid(error: Failure): SetStatusOutcome {
  return { kind: 'invalid', error };
}
