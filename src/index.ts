// Public API of api-twin: build a twin, serve it, or call it in-process. The express middleware
// is its own entry point, `api-twin/express`.
export { createTwin, VENDOR_APIS } from './create-twin.ts';
export { resolveConfig, DEFAULT_FIXTURES_DIR, type TwinConfig } from './config.ts';
export { startTwin, createRequestListener, type RunningTwin, type StartOptions } from './http/node-server.ts';
export type { Twin } from './core/twin.ts';
export type { TwinRequest, TwinResponse, Deps } from './core/types.ts';
export { FixtureError } from './core/fixtures.ts';
export { createRocketChatClient, createRoamClient } from './clients.ts';
export type { paths as RocketChatPaths, operations as RocketChatOperations } from './generated/rocketchat.ts';
export type { paths as RoamPaths, operations as RoamOperations } from './generated/roam.ts';
