import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { rcErrors } from '../errors.ts';
import { createTeam } from './create-team.ts';
import { checkSidepanel } from './sidepanel.ts';
import { checkTeamsCreateBody } from './vendor-schemas.ts';
import { teamView } from './views.ts';

/**
 * POST /api/v1/teams.create (research notes issue 10 §7.1). `create-team` was checked by the
 * `permissionsRequired` middleware; here the router's body schema, the route's `room.id`
 * permission check, its `sidepanel` check, then Team.create.
 */
export const teamsCreate: OperationHandler<operations, 'teamsCreate', RocketChatContext> = (input, ctx) => {
  const caller = callerOf(ctx).user;
  const checked = checkTeamsCreateBody(input.body);
  if (!checked.ok) return { status: 400, body: checked.error };
  const { name, type, members, owner, room, sidepanel } = checked.value;
  // hasAllPermissionAsync(user, ['create-team', 'edit-room'], room.id): room roles count.
  if (room?.id && !['create-team', 'edit-room'].every((permission) => ctx.store.authz.hasPermission(caller, permission, room.id))) {
    return { status: 403, body: rcErrors.forbidden() };
  }
  const items = checkSidepanel(sidepanel);
  if (!items.ok) return { status: 400, body: items.error };
  const created = createTeam(ctx.store, ctx.deps, caller, { name, type, members, owner, room, sidepanel: items.value });
  return created.ok ? { status: 200, body: { team: teamView(created.value), success: true } } : { status: 400, body: created.error };
};
