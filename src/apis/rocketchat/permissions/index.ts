import type { HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { permissionsListAll } from './permissions-list-all.ts';
import { permissionsUpdate } from './permissions-update.ts';

/** The permissions operations. */
export const permissionsHandlers = { permissionsListAll, permissionsUpdate } satisfies Partial<HandlerMap<operations, RocketChatContext>>;
