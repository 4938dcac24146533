import type { HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { groupsCreate } from './groups-create.ts';
import { groupsDelete } from './groups-delete.ts';
import { groupsInfo } from './groups-info.ts';
import { groupsInvite } from './groups-invite.ts';
import { groupsList } from './groups-list.ts';
import { groupsMembers } from './groups-members.ts';

/** The private-group operations. */
export const roomsHandlers = {
  groupsCreate,
  groupsInfo,
  groupsList,
  groupsMembers,
  groupsInvite,
  groupsDelete,
} satisfies Partial<HandlerMap<operations, RocketChatContext>>;
