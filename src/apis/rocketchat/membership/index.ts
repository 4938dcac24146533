import type { HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { groupsAddLeader } from './groups-add-leader.ts';
import { groupsAddModerator } from './groups-add-moderator.ts';
import { groupsAddOwner } from './groups-add-owner.ts';
import { groupsCounters } from './groups-counters.ts';
import { groupsKick } from './groups-kick.ts';
import { groupsLeave } from './groups-leave.ts';
import { groupsListAll } from './groups-list-all.ts';
import { groupsModerators } from './groups-moderators.ts';
import { groupsOnline } from './groups-online.ts';
import { groupsRemoveLeader } from './groups-remove-leader.ts';
import { groupsRemoveModerator } from './groups-remove-moderator.ts';
import { groupsRemoveOwner } from './groups-remove-owner.ts';
import { groupsRoles } from './groups-roles.ts';
import { subscriptionsGetOne } from './subscriptions-get-one.ts';
import { usersSetStatus } from './users-set-status.ts';

/** The membership and room roles operations. */
export const membershipHandlers = {
  groupsKick,
  groupsLeave,
  groupsAddOwner,
  groupsRemoveOwner,
  groupsAddModerator,
  groupsRemoveModerator,
  groupsAddLeader,
  groupsRemoveLeader,
  groupsRoles,
  groupsModerators,
  groupsOnline,
  usersSetStatus,
  groupsCounters,
  groupsListAll,
  subscriptionsGetOne,
} satisfies Partial<HandlerMap<operations, RocketChatContext>>;
