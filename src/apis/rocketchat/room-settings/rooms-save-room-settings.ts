import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { own } from '../parse-body.ts';
import { saveRoomSettings } from './engine.ts';
import { settingsEnv } from './group-route.ts';
import { settingsOfBody } from './setting-keys.ts';

/**
 * POST /api/v1/rooms.saveRoomSettings, as 7.x serves it (RSRS: a legacy route without a body
 * schema): `const {rid, ...params} = bodyParams` straight into saveRoomSettings, so every SRS key
 * is accepted, `systemMessages` (the room's `sysMes`) included, and any other key is
 * `error-invalid-settings`. No membership or archived check: `edit-room` decides (admins edit
 * any room). Answers `{rid, success}`.
 */
export const roomsSaveRoomSettings: OperationHandler<operations, 'roomsSaveRoomSettings', RocketChatContext> = (input, ctx) => {
  const body: unknown = input.body;
  const saved = saveRoomSettings(settingsEnv(ctx), own(body, 'rid'), settingsOfBody(body));
  return saved.ok ? { status: 200, body: { rid: saved.value._id, success: true } } : { status: 400, body: saved.error };
};
