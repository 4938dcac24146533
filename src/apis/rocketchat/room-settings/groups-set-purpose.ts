import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { own } from '../parse-body.ts';
import { hasParam, lookupAndSave, settingsEnv } from './group-route.ts';
import { settingsErrors } from './settings-errors.ts';

/**
 * POST /api/v1/groups.setPurpose (G8; research notes issue 11 §3.4): `purpose` must be present
 * (any value, null and "" included) → group lookup with the archived check → saveRoomSettings `roomDescription` with
 * `purpose || ''` → `{purpose: purpose || '', success}`. Purpose is the description:
 * the same field and the same `room_changed_description` message.
 */
export const groupsSetPurpose: OperationHandler<operations, 'groupsSetPurpose', RocketChatContext> = (input, ctx) => {
  const body: unknown = input.body;
  if (!hasParam(body, 'purpose')) return { status: 400, body: settingsErrors.bodyParamRequired('purpose') };
  const value = own(body, 'purpose') || '';
  const saved = lookupAndSave(settingsEnv(ctx), body, 'roomDescription', value);
  return saved.ok ? { status: 200, body: { purpose: value, success: true } } : { status: 400, body: saved.error };
};
