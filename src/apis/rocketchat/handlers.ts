import { eraseHandlers, type ErasedHandlers, type HandlerMap } from '../../core/operation.ts';
import type { operations } from '../../generated/rocketchat.ts';
import { authHandlers } from './auth/index.ts';
import type { RocketChatContext } from './context.ts';
import { integrationsHandlers } from './integrations/index.ts';
import { membershipHandlers } from './membership/index.ts';
import { messagesHandlers } from './messages/index.ts';
import { permissionsHandlers } from './permissions/index.ts';
import { roomSettingsHandlers } from './room-settings/index.ts';
import { roomsHandlers } from './rooms/index.ts';
import { settingsHandlers } from './settings/index.ts';
import { teamsHandlers } from './teams/index.ts';
import { usersHandlers } from './users/index.ts';

/**
 * One handler per operationId of openapi/rocketchat.yaml, gathered from the domain folders; an
 * operation without a handler (or a handler for no operation) fails to compile.
 */
export const rocketchatHandlers = {
  ...authHandlers,
  ...usersHandlers,
  ...permissionsHandlers,
  ...settingsHandlers,
  ...teamsHandlers,
  ...roomsHandlers,
  ...roomSettingsHandlers,
  ...membershipHandlers,
  ...messagesHandlers,
  ...integrationsHandlers,
} satisfies HandlerMap<operations, RocketChatContext>;

/** The handlers erased for dispatch by operationId string. */
export const dispatchRocketChat: ErasedHandlers<RocketChatContext> = eraseHandlers<operations, RocketChatContext>(rocketchatHandlers);
