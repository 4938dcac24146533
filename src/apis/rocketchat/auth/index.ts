import type { HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { me } from './me.ts';

/** The authentication operations. */
export const authHandlers = { login, logout, me } satisfies Partial<HandlerMap<operations, RocketChatContext>>;
