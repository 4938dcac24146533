import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { rcErrors } from '../errors.ts';
import { own } from '../parse-body.ts';
import { anyRoomView } from '../rooms/views.ts';
import { lookupGroup, saveOne, settingsEnv } from './group-route.ts';
import { settingsErrors } from './settings-errors.ts';

/**
 * POST /api/v1/groups.setType (G8; research notes issue 11 §3.7): `type` required → group lookup
 * with the archived check → same type is a failure → saveRoomSettings `roomType` (`create-c` to
 * go public; anything but `c`/`p` is `error-invalid-room-type`) → the room, whose `t` may now be
 * `c`: from then on groups.* answer `error-room-not-found` for it. Modelled: a `type` that is not
 * a string counts as missing (the vendor's `.trim()` would crash).
 */
export const groupsSetType: OperationHandler<operations, 'groupsSetType', RocketChatContext> = (input, ctx) => {
  const body: unknown = input.body;
  const type = own(body, 'type');
  if (typeof type !== 'string' || type.trim() === '') return { status: 400, body: settingsErrors.bodyParamRequired('type') };
  const env = settingsEnv(ctx);
  const found = lookupGroup(env, body);
  if (!found.ok) return { status: 400, body: found.error };
  if (found.value.t === type) return { status: 400, body: settingsErrors.sameType() };
  const saved = saveOne(env, found.value, 'roomType', type);
  if (!saved.ok) return { status: 400, body: saved.error };
  const room = ctx.store.rooms.room(saved.value._id);
  return room ? { status: 200, body: { group: anyRoomView(room), success: true } } : { status: 400, body: rcErrors.roomNotFound() };
};
