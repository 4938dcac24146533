import type { Deps } from '../../core/types.ts';
import type { StoredUser } from './model.ts';
import type { RocketChatStore } from './store/store.ts';

/** The authenticated caller and the token they used (logout removes exactly that token). */
export interface Caller {
  readonly user: StoredUser;
  readonly token: string;
}

/** What every Rocket.Chat handler gets besides its input: the session's state, clock/random and caller. */
export interface RocketChatContext {
  readonly store: RocketChatStore;
  readonly deps: Deps;
  /** Undefined only for operations without security (login). */
  readonly caller: Caller | undefined;
}

/**
 * The caller of an authenticated operation. The session authenticates before any handler runs,
 * so a missing caller here is a bug, not a vendor answer.
 */
export function callerOf(ctx: RocketChatContext): Caller {
  if (!ctx.caller) throw new Error('Rocket.Chat handler ran without an authenticated caller');
  return ctx.caller;
}
