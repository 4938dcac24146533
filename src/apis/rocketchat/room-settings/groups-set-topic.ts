import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { own } from '../parse-body.ts';
import { hasParam, lookupAndSave, settingsEnv } from './group-route.ts';
import { settingsErrors } from './settings-errors.ts';

/**
 * POST /api/v1/groups.setTopic (G8; research notes issue 11 §3.2): `topic` must be present
 * (any value, null and "" included) → group lookup with the archived check → saveRoomSettings `roomTopic` with
 * `topic || ''` → `{topic: topic || '', success}`.
 */
export const groupsSetTopic: OperationHandler<operations, 'groupsSetTopic', RocketChatContext> = (input, ctx) => {
  const body: unknown = input.body;
  if (!hasParam(body, 'topic')) return { status: 400, body: settingsErrors.bodyParamRequired('topic') };
  const value = own(body, 'topic') || '';
  const saved = lookupAndSave(settingsEnv(ctx), body, 'roomTopic', value);
  return saved.ok ? { status: 200, body: { topic: value, success: true } } : { status: 400, body: saved.error };
};
