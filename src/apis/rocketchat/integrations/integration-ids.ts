import { randomString, UNMISTAKABLE_CHARS } from '../random-id.ts';

/**
 * Ids of integration documents. `Integrations.insertOne` lets the driver pick the `_id`: a 24-hex
 * ObjectId whose first four bytes are the creation second (OA examples, e.g.
 * `659ea5b72dd9f928ada3e43e`). Incoming webhooks get `token: Random.id(48)` (AII).
 */

const HEX = '0123456789abcdef';

/** A 24-hex ObjectId for the time `now`, the rest drawn from `random`. */
export function objectId(now: Date, random: () => number): string {
  const seconds = Math.floor(now.getTime() / 1000) >>> 0;
  return seconds.toString(16).padStart(8, '0') + randomString(random, HEX, 16);
}

/** `Random.id(48)`: the secret of an incoming webhook's URL (`/hooks/<_id>/<token>`). */
export function webhookToken(random: () => number): string {
  return randomString(random, UNMISTAKABLE_CHARS, 48);
}
