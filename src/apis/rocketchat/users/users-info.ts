import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { customFieldsMeta } from './custom-fields.ts';
import { vendorParamsFailure } from './params-check.ts';
import { userErrors } from './user-errors.ts';
import { fullUserData, searchTermOf } from './user-info-lookup.ts';
import { userInfoView, userRoomsView } from './user-views.ts';

/**
 * GET /api/v1/users.info (7.x route `app/api/server/v1/users.ts`; research notes issue 10 §4.2):
 * the query's validateParams (exactly one of userId/username/importId, plus includeUserRooms and
 * fields) → search term → getFullUserData → with `includeUserRooms=true`, the user's rooms for
 * oneself or a caller with `view-other-user-channels`.
 */
export const usersInfo: OperationHandler<operations, 'usersInfo', RocketChatContext> = (input, ctx) => {
  const invalid = vendorParamsFailure('usersInfo', { ...input.query });
  if (invalid) return { status: 400, body: invalid };
  const term = searchTermOf(input.query);
  if (!term) return { status: 400, body: userErrors.infoInvalidSearch() };
  const caller = callerOf(ctx).user;
  const found = fullUserData(ctx.store, caller, term);
  if (!found) return { status: 400, body: userErrors.infoNotFound() };
  const meta = customFieldsMeta(ctx.store);
  const user = userInfoView(ctx.store, found.user, { canViewAllInfo: found.canViewAllInfo, myself: found.myself, meta: meta.ok ? meta.value : undefined });
  const withRooms =
    input.query.includeUserRooms === 'true' && (found.user._id === caller._id || ctx.store.authz.hasPermission(caller, 'view-other-user-channels'));
  return { status: 200, body: { user: withRooms ? { ...user, rooms: userRoomsView(ctx.store, found.user) } : user, success: true } };
};
