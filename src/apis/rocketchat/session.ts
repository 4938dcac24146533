import type { ApiSession, AuthResult, ParsedInput } from '../../core/api.ts';
import type { Deps, JsonResponse } from '../../core/types.ts';
import { authenticateHeaders, permissionsRefusal, PUBLIC_OPERATIONS, unauthorizedResponse } from './auth/header-auth.ts';
import type { Caller, RocketChatContext } from './context.ts';
import type { UnauthorizedStyle } from './errors.ts';
import { exportRocketChatState } from './export-state.ts';
import { dispatchRocketChat } from './handlers.ts';
import type { RocketChatStore } from './store/store.ts';

/** Per-twin options of the Rocket.Chat side. */
export interface RocketChatOptions {
  /** 401 body: the 7.x/8.x merged body (default) or OA's documented `{status, message}` (§5.1). */
  readonly unauthorizedBody?: UnauthorizedStyle;
}

/**
 * One mock session of Rocket.Chat. Authentication and the `permissionsRequired` check bind the
 * caller to the handlers before the core looks at the body (research/rocketchat.md §5.1: auth
 * first, so bad auth + bad body → 401; then 403, then the body).
 */
export function createRocketChatSession(store: RocketChatStore, deps: Deps, options: RocketChatOptions = {}): ApiSession {
  const style = options.unauthorizedBody ?? 'merged';
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
    exportState: () => exportRocketChatState(store),
    authenticate(operationId, headers): AuthResult {
      if (PUBLIC_OPERATIONS.has(operationId)) return { ok: true, run: bind(undefined) };
      const caller = authenticateHeaders(store, headers);
      if (!caller) return { ok: false, response: unauthorizedResponse(style) };
      const refused = permissionsRefusal(store, caller, operationId);
      if (refused) return { ok: false, response: refused };
      return { ok: true, run: bind(caller) };
    },
  };
}
