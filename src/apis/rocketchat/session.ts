import type { ApiSession, AuthResult, ParsedInput } from '../../core/api.ts';
import type { Deps, JsonResponse } from '../../core/types.ts';
import { authenticateHeaders, PUBLIC_OPERATIONS, unauthorizedResponse } from './auth.ts';
import type { Caller, RocketChatContext } from './context.ts';
import type { UnauthorizedStyle } from './errors.ts';
import { dispatchRocketChat } from './handlers/index.ts';
import type { RocketChatStore } from './store.ts';
import type { RocketChatFixture } from './fixture-format.ts';
import { exportRocketChatState } from './export-state.ts';

/** Per-twin options of the Rocket.Chat side (a future config flag `rocketchat.unauthorizedBody`). */
export interface RocketChatOptions {
  /** 401 body: OA's documented `{status, message}` (default) or the 7.x/8.x merged body (§5.1). */
  readonly unauthorizedBody?: UnauthorizedStyle;
}

/**
 * One mock session of Rocket.Chat. Authentication binds the caller to the handlers before the core
 * looks at the body (research/rocketchat.md §5.1: auth first, so bad auth + bad body → 401).
 */
export function createRocketChatSession(store: RocketChatStore, deps: Deps, options: RocketChatOptions = {}, seeded?: RocketChatFixture): ApiSession {
  const style = options.unauthorizedBody ?? 'documented';
  const bind =
    (caller: Caller | undefined) =>
    (operationId: string, input: ParsedInput): JsonResponse => {
      const ctx: RocketChatContext = { store, deps, caller };
      const response = dispatchRocketChat(operationId, input, ctx);
      // The core routes only operationIds of openapi/rocketchat.yaml, each of which has a handler.
      if (!response) throw new Error(`no Rocket.Chat handler for operation ${operationId}`);
      return response;
    };
  return {
    exportState: () => exportRocketChatState(store, seeded ?? { users: [], teams: [], rooms: [] }),
    authenticate(operationId, headers): AuthResult {
      if (PUBLIC_OPERATIONS.has(operationId)) return { ok: true, run: bind(undefined) };
      const caller = authenticateHeaders(store, headers);
      if (!caller) return { ok: false, response: unauthorizedResponse(style) };
      return { ok: true, run: bind(caller) };
    },
  };
}
