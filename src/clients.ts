import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths as RocketChatPaths } from './generated/rocketchat.ts';
import type { paths as RoamPaths } from './generated/roam.ts';

/**
 * Typed clients for frontends and tests, built on openapi-fetch and the generated spec types:
 * every path, parameter and body is checked by the compiler, and each answer is a
 * `{data} | {error}` union keyed by the documented statuses. They work against the twin and
 * against the real vendors alike.
 */

/** A Rocket.Chat client. Pass `headers: {'X-Auth-Token': …, 'X-User-Id': …}` in `options`. */
export function createRocketChatClient(baseUrl: string, options: Omit<ClientOptions, 'baseUrl'> = {}): Client<RocketChatPaths> {
  return createClient<RocketChatPaths>({ ...options, baseUrl });
}

/** A Roam.ai client. Pass `headers: {'Api-Key': …}` in `options`. */
export function createRoamClient(baseUrl: string, options: Omit<ClientOptions, 'baseUrl'> = {}): Client<RoamPaths> {
  return createClient<RoamPaths>({ ...options, baseUrl });
}
