import type { HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { groupsConvertToTeam } from './groups-convert-to-team.ts';
import { teamsCreate } from './teams-create.ts';
import { teamsInfo } from './teams-info.ts';
import { teamsUpdateRoom } from './teams-update-room.ts';

/** The teams operations. */
export const teamsHandlers = {
  teamsCreate,
  teamsInfo,
  groupsConvertToTeam,
  teamsUpdateRoom,
} satisfies Partial<HandlerMap<operations, RocketChatContext>>;
