import { eraseHandlers, type ErasedHandlers, type HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { groupsCreate } from './groups-create.ts';
import { groupsDelete } from './groups-delete.ts';
import { groupsInfo } from './groups-info.ts';
import { groupsInvite } from './groups-invite.ts';
import { groupsList } from './groups-list.ts';
import { groupsMembers } from './groups-members.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { me } from './me.ts';

/** One handler per operationId of openapi/rocketchat.yaml; a missing one fails to compile. */
export const rocketchatHandlers = {
  login,
  logout,
  me,
  groupsCreate,
  groupsInfo,
  groupsList,
  groupsMembers,
  groupsInvite,
  groupsDelete,
} satisfies HandlerMap<operations, RocketChatContext>;

/** The handlers erased for dispatch by operationId string. */
export const dispatchRocketChat: ErasedHandlers<RocketChatContext> = eraseHandlers<operations, RocketChatContext>(rocketchatHandlers);
