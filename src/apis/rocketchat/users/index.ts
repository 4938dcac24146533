import type { HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { usersCreate } from './users-create.ts';
import { usersDelete } from './users-delete.ts';
import { usersInfo } from './users-info.ts';
import { usersUpdate } from './users-update.ts';

/** The users operations. */
export const usersHandlers = { usersCreate, usersInfo, usersDelete, usersUpdate } satisfies Partial<HandlerMap<operations, RocketChatContext>>;
