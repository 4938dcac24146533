import type { HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { groupsGetIntegrations } from './groups-get-integrations.ts';
import { integrationsCreate } from './integrations-create.ts';
import { usersLogout } from './users-logout.ts';

/** The integrations operations, and users.logout (research notes issue 11 §7). */
export const integrationsHandlers = {
  integrationsCreate,
  groupsGetIntegrations,
  usersLogout,
} satisfies Partial<HandlerMap<operations, RocketChatContext>>;
