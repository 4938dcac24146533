import { own } from '../parse-body.ts';
import { err, ok, type Result } from '../result.ts';
import { teamsErrors } from './team-errors.ts';

/**
 * A team main room's `sidepanel` (which lists to show beside the room): the route refuses
 * `sidepanel.items` that `isValidSidepanel` rejects with the plain `error-invalid-sidepanel`
 * (teams.create in `apps/meteor/app/api/server/v1/teams.ts`; `isValidSidepanel` in
 * `packages/core-typings/src/IRoom.ts`: a non-empty array of `channels` / `discussions`, no
 * repeats). The items are stored on the created room; a `sidepanel` without items is ignored
 * (modelled).
 */

const SIDEPANEL_ITEMS: ReadonlySet<unknown> = new Set(['channels', 'discussions']);

/** The items to store, undefined when there are none, or the route's error. */
export function checkSidepanel(sidepanel: object | undefined): Result<readonly string[] | undefined> {
  const items = own(sidepanel, 'items');
  if (!items) return ok(undefined);
  if (!Array.isArray(items) || items.length === 0) return err(teamsErrors.invalidSidepanel());
  const list: unknown[] = items;
  if (!list.every((item) => SIDEPANEL_ITEMS.has(item)) || new Set(list).size !== list.length) return err(teamsErrors.invalidSidepanel());
  return ok(list.filter((item): item is string => typeof item === 'string'));
}
