import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { own } from '../parse-body.ts';
import { groupView } from '../rooms/views.ts';
import { lookupAndSave, reread, settingsEnv } from './group-route.ts';
import { settingsErrors } from './settings-errors.ts';

/**
 * POST /api/v1/groups.setEncrypted (G8; research notes issue 11 §3.9): the body must be an
 * object with a boolean `encrypted` (`Match.ObjectIncluding({encrypted: Boolean})`) → group
 * lookup with the archived check → saveRoomSettings `encrypted`: a change needs `E2E_Enable` and
 * `toggle-room-e2e-encryption` (owners, admins) and writes `room_e2e_enabled`/`_disabled`;
 * re-sending the current value is accepted without a message.
 */
export const groupsSetEncrypted: OperationHandler<operations, 'groupsSetEncrypted', RocketChatContext> = (input, ctx) => {
  const body: unknown = input.body;
  const encrypted = own(body, 'encrypted');
  if (Array.isArray(body) || typeof encrypted !== 'boolean') return { status: 400, body: settingsErrors.bodyParamRequired('encrypted') };
  const env = settingsEnv(ctx);
  const saved = lookupAndSave(env, body, 'encrypted', encrypted);
  const room = saved.ok ? reread(env, saved.value._id) : saved;
  return room.ok ? { status: 200, body: { group: groupView(room.value), success: true } } : { status: 400, body: room.error };
};
