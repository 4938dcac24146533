import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { settingId } from './setting-id.ts';
import { settingErrors } from './setting-errors.ts';

/**
 * GET /api/v1/settings/:_id after `view-privileged-setting` (auth/permissions-required.ts):
 * `Settings.findOneNotHiddenById`, then `_.pick(setting, '_id', 'value')` plus `success`, or the
 * bare `{"success":false}` for an unknown or hidden id (research notes issue 10 §6.1).
 */
export const settingsGet: OperationHandler<operations, 'settingsGet', RocketChatContext> = (input, ctx) => {
  const id = settingId(input.params);
  if (id === undefined || !ctx.store.settings.has(id)) return { status: 400, body: settingErrors.bare() };
  return { status: 200, body: { _id: id, value: ctx.store.settings.get(id), success: true } };
};
