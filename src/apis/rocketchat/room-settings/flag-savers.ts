import { own } from '../parse-body.ts';
import { extraOf, systemMessage, UNSET, writeExtra, writeRoom } from './room-writes.ts';
import type { Saver } from './saver.ts';
import { settingsErrors } from './settings-errors.ts';

/**
 * SRS savers for the room's type and switches (research notes issue 11 §2 step 9; SRTY, SRRO,
 * SRE, saveReactWhenReadOnly, Rooms model setters). Modelled: `ro` and `default`, which the
 * spec's Room types as booleans, keep a boolean: a non-boolean value counts by its truthiness
 * (7.x stores it as sent, 8.x's typed route refuses it).
 */

/**
 * `roomType` (SRTY): only `c` or `p`; `t` changes (a group turned into a channel is no longer a
 * group for groups.*), `default` goes when the room becomes private, a team main room's team
 * changes type too, and `room_changed_privacy` says `public`/`private` (the `en` texts).
 */
export const saveRoomType: Saver = ({ env, room, before, value }) => {
  if (value === before.t) return undefined;
  if (value !== 'c' && value !== 'p') return settingsErrors.invalidRoomType(value);
  const failure = writeRoom(env, room, (draft) => {
    draft.t = value;
    if (value === 'p') draft.extra = new Map([...draft.extra].filter(([key]) => key !== 'default'));
  });
  if (failure) return failure;
  const team = room.teamMain === true && room.teamId !== undefined ? env.store.teams.team(room.teamId) : undefined;
  if (team) team.type = value === 'c' ? 0 : 1;
  return systemMessage(env, room, 'room_changed_privacy', value === 'c' ? 'public' : 'private');
};

/** `readOnly` (SRRO): `ro`, and `room-set-read-only` or `room-removed-read-only` with an empty text. */
export const saveReadOnly: Saver = ({ env, room, before, value }) => {
  if (value === before.ro) return undefined;
  const failure = writeRoom(env, room, (draft) => {
    draft.ro = Boolean(value);
  });
  return failure ?? systemMessage(env, room, value ? 'room-set-read-only' : 'room-removed-read-only', '');
};

/** `reactWhenReadOnly`: stored as sent, with `room-allowed-reacting` / `room-disallowed-reacting`. */
export const saveReactWhenReadOnly: Saver = ({ env, room, before, value }) => {
  if (value === extraOf(before, 'reactWhenReadOnly')) return undefined;
  const failure = writeExtra(env, room, { reactWhenReadOnly: value });
  return failure ?? systemMessage(env, room, value ? 'room-allowed-reacting' : 'room-disallowed-reacting', '');
};

/**
 * `encrypted` (SRE): always written as `value === true`; `room_e2e_enabled`/`room_e2e_disabled`,
 * carrying the actor's username, only when the setting really changed.
 */
export const saveEncrypted: Saver = ({ env, room, before, value }) => {
  const failure = writeExtra(env, room, { encrypted: value === true });
  if (failure) return failure;
  if (Boolean(extraOf(before, 'encrypted')) === Boolean(value)) return undefined;
  return systemMessage(env, room, value ? 'room_e2e_enabled' : 'room_e2e_disabled', env.caller.username);
};

/** `default` (Rooms.saveDefaultById). */
export const saveDefault: Saver = ({ env, room, value }) => writeExtra(env, room, { default: Boolean(value) });

/** `featured` (Rooms.saveFeaturedById): `true` or `"true"` sets `featured: true`, anything else removes it. */
export const saveFeatured: Saver = ({ env, room, value }) =>
  writeExtra(env, room, { featured: value === true || value === 'true' ? true : UNSET });

/** `joinCode` (Rooms.setJoinCodeById): a non-blank code requires it; a blank one removes it. */
export const saveJoinCode: Saver = ({ env, room, value }) => {
  const code = String(value);
  return writeExtra(env, room, code.trim() === '' ? { joinCodeRequired: false, joinCode: UNSET } : { joinCodeRequired: true, joinCode: code });
};

/**
 * `favorite` (Rooms.saveFavoriteById): `{favorite, defaultValue}`; both truthy keep `favorite`,
 * otherwise it goes. Modelled: a null value counts as `{}` (the vendor crashes on it).
 */
export const saveFavorite: Saver = ({ env, room, value }) => {
  const favorite = own(value, 'favorite');
  return writeExtra(env, room, { favorite: favorite && own(value, 'defaultValue') ? favorite : UNSET });
};
