import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { own } from '../parse-body.ts';
import { hasParam, lookupAndSave, settingsEnv } from './group-route.ts';
import { settingsErrors } from './settings-errors.ts';

/**
 * POST /api/v1/groups.setDescription (G8; research notes issue 11 §3.3): `description` must be present
 * (any value, null and "" included) → group lookup with the archived check → saveRoomSettings `roomDescription` with
 * `description || ''` → `{description: description || '', success}`.
 */
export const groupsSetDescription: OperationHandler<operations, 'groupsSetDescription', RocketChatContext> = (input, ctx) => {
  const body: unknown = input.body;
  if (!hasParam(body, 'description')) return { status: 400, body: settingsErrors.bodyParamRequired('description') };
  const value = own(body, 'description') || '';
  const saved = lookupAndSave(settingsEnv(ctx), body, 'roomDescription', value);
  return saved.ok ? { status: 200, body: { description: value, success: true } } : { status: 400, body: saved.error };
};
