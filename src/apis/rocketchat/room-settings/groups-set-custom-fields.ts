import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { own } from '../parse-body.ts';
import { groupView } from '../rooms/views.ts';
import { lookupAndSave, reread, settingsEnv } from './group-route.ts';
import { settingsErrors } from './settings-errors.ts';

/**
 * POST /api/v1/groups.setCustomFields (G8; research notes issue 11 §3.8): a truthy object is
 * required (checked before the room) → group lookup with the archived check → saveRoomSettings
 * `roomCustomFields`: the fields are replaced, `{}` clears them; an array passes the route check
 * and fails Meteor's `Object` pattern (`invalid-roomCustomFields-type`). No system message.
 */
export const groupsSetCustomFields: OperationHandler<operations, 'groupsSetCustomFields', RocketChatContext> = (input, ctx) => {
  const body: unknown = input.body;
  const customFields = own(body, 'customFields');
  if (!customFields || typeof customFields !== 'object') return { status: 400, body: settingsErrors.customFieldsRequired() };
  const env = settingsEnv(ctx);
  const saved = lookupAndSave(env, body, 'roomCustomFields', customFields);
  const room = saved.ok ? reread(env, saved.value._id) : saved;
  return room.ok ? { status: 200, body: { group: groupView(room.value), success: true } } : { status: 400, body: room.error };
};
