import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { own } from '../parse-body.ts';
import { groupView } from '../rooms/views.ts';
import { lookupGroup, reread, saveOne, settingsEnv } from './group-route.ts';
import { settingsErrors } from './settings-errors.ts';

/**
 * POST /api/v1/groups.setReadOnly (G8; research notes issue 11 §3.6): `readOnly` present → group
 * lookup with the archived check → `ro === readOnly` (strict) is a failure → saveRoomSettings
 * `readOnly` (broadcast rooms refuse a truthy one) → the room, with a `room-set-read-only` or
 * `room-removed-read-only` message.
 */
export const groupsSetReadOnly: OperationHandler<operations, 'groupsSetReadOnly', RocketChatContext> = (input, ctx) => {
  const body: unknown = input.body;
  const readOnly = own(body, 'readOnly');
  if (readOnly === undefined) return { status: 400, body: settingsErrors.bodyParamRequired('readOnly') };
  const env = settingsEnv(ctx);
  const found = lookupGroup(env, body);
  if (!found.ok) return { status: 400, body: found.error };
  if (found.value.ro === readOnly) return { status: 400, body: settingsErrors.sameReadOnly() };
  const saved = saveOne(env, found.value, 'readOnly', readOnly);
  const room = saved.ok ? reread(env, saved.value._id) : saved;
  return room.ok ? { status: 200, body: { group: groupView(room.value), success: true } } : { status: 400, body: room.error };
};
