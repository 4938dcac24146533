import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { own } from '../parse-body.ts';
import { hasParam, lookupAndSave, settingsEnv } from './group-route.ts';
import { settingsErrors } from './settings-errors.ts';

/**
 * POST /api/v1/groups.setAnnouncement (G8; research notes issue 11 §3.5): `announcement` must be present
 * (any value, null and "" included) → group lookup with the archived check → saveRoomSettings `roomAnnouncement` with
 * `announcement || ''` → `{announcement: announcement || '', success}`.
 */
export const groupsSetAnnouncement: OperationHandler<operations, 'groupsSetAnnouncement', RocketChatContext> = (input, ctx) => {
  const body: unknown = input.body;
  if (!hasParam(body, 'announcement')) return { status: 400, body: settingsErrors.bodyParamRequired('announcement') };
  const value = own(body, 'announcement') || '';
  const saved = lookupAndSave(settingsEnv(ctx), body, 'roomAnnouncement', value);
  return saved.ok ? { status: 200, body: { announcement: value, success: true } } : { status: 400, body: saved.error };
};
