import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { own } from '../parse-body.ts';
import { groupView } from '../rooms/views.ts';
import { lookupAndSave, reread, settingsEnv } from './group-route.ts';
import { settingsErrors } from './settings-errors.ts';

/**
 * POST /api/v1/groups.rename (G8; research notes issue 11 §3.1): `name` required (checked before
 * the room) → group lookup with the archived check → saveRoomSettings `roomName` → the room.
 * Modelled: a `name` that is not a string counts as missing (the vendor's `.trim()` would crash).
 */
export const groupsRename: OperationHandler<operations, 'groupsRename', RocketChatContext> = (input, ctx) => {
  const body: unknown = input.body;
  const name = own(body, 'name');
  if (typeof name !== 'string' || name.trim() === '') return { status: 400, body: settingsErrors.bodyParamRequired('name') };
  const env = settingsEnv(ctx);
  const saved = lookupAndSave(env, body, 'roomName', name);
  const room = saved.ok ? reread(env, saved.value._id) : saved;
  return room.ok ? { status: 200, body: { group: groupView(room.value), success: true } } : { status: 400, body: room.error };
};
