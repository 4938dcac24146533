import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { fromMiddleware } from '../wire.ts';
import { saveSetting } from './save-setting.ts';
import { checkSettingBody } from './update-body.ts';
import { settingId } from './setting-id.ts';

/**
 * POST /api/v1/settings/:_id after `edit-privileged-setting` (auth/permissions-required.ts). The
 * body's schema is the router's check (Hono's `c.json`: no route cache headers); then the action
 * (save-setting.ts).
 */
export const settingsPost: OperationHandler<operations, 'settingsPost', RocketChatContext> = (input, ctx) => {
  const body = checkSettingBody(input.body);
  if (!body.ok) return fromMiddleware({ status: 400, body: body.error });
  const saved = saveSetting(ctx.store, settingId(input.params), body.value);
  return saved.ok ? { status: 200, body: { success: true } } : { status: 400, body: saved.error };
};
