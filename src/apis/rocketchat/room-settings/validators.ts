import type { Failure } from '../errors.ts';
import type { StoredRoom } from '../model.ts';
import { extraOf, type SettingsEnv } from './room-writes.ts';
import { settingsErrors } from './settings-errors.ts';
import type { SettingKey } from './setting-keys.ts';

/**
 * The SRS validators (research notes issue 11 §2 step 8; `validators` in
 * apps/meteor/app/channel-settings/server/methods/saveRoomSettings.ts): they run for every key, in
 * the order the keys were sent, on the room as it was before any saver, and the first failure
 * stops the call before anything is saved. Keys without a validator pass.
 */

/** What a validator sees. */
export interface ValidateInput {
  readonly env: SettingsEnv;
  readonly room: StoredRoom;
  readonly value: unknown;
}

type Validator = (input: ValidateInput) => Failure | undefined;

/** `default` and `featured`: global `view-room-administration`. */
const roomAdministration: Validator = ({ env }) =>
  env.store.authz.hasPermission(env.caller, 'view-room-administration') ? undefined : settingsErrors.viewingAdministrationNotAllowed();

/** The room's retention policy, when it has one (`hasRetentionPolicy`). */
function retentionOf(room: StoredRoom): Readonly<Record<string, unknown>> | undefined {
  const retention = extraOf(room, 'retention');
  return typeof retention === 'object' && retention !== null ? (retention as Record<string, unknown>) : undefined;
}

/**
 * `retention*`: without `edit-room-retention-policy` in the room, only re-sending the current
 * value of an existing policy passes.
 */
function retention(field: string): Validator {
  return ({ env, room, value }) => {
    if (env.store.authz.hasPermission(env.caller, 'edit-room-retention-policy', room._id)) return undefined;
    const current = retentionOf(room);
    return current === undefined || value !== current[field] ? settingsErrors.retentionNotAllowed() : undefined;
  };
}

/** `isValidSidepanel` (core-typings): null, or `{items}` of distinct `channels`/`discussions`. */
function isValidSidepanel(value: unknown): boolean {
  if (value === null) return true;
  const items: unknown = typeof value === 'object' ? (value as Record<string, unknown>).items : undefined;
  if (!Array.isArray(items) || items.length === 0) return false;
  return items.every((item) => item === 'channels' || item === 'discussions') && new Set(items).size === items.length;
}

const validators: Partial<Record<SettingKey, Validator>> = {
  default: roomAdministration,
  featured: roomAdministration,
  sidepanel({ env, room, value }) {
    if (room.teamMain !== true) return settingsErrors.sidepanelNotTeam();
    if (!env.store.authz.hasPermission(env.caller, 'edit-team', room._id)) return settingsErrors.sidepanelNotAllowed();
    return isValidSidepanel(value) ? undefined : settingsErrors.invalidSidepanel();
  },
  roomType({ env, room, value }) {
    if (value === room.t) return undefined;
    if (value === 'c' && !env.store.authz.hasPermission(env.caller, 'create-c')) return settingsErrors.toPublicNotAllowed();
    if (value === 'p' && !env.store.authz.hasPermission(env.caller, 'create-p')) return settingsErrors.toPrivateNotAllowed();
    return undefined;
  },
  encrypted({ env, room, value }) {
    if (value === extraOf(room, 'encrypted')) return undefined;
    // allowRoomSettingChange(room, E2E): private groups follow `E2E_Enable`; public channels never.
    if (room.t !== 'p' || env.store.settings.get('E2E_Enable') !== true) return settingsErrors.e2eNotAllowed();
    if (!env.store.authz.hasPermission(env.caller, 'toggle-room-e2e-encryption', room._id)) return settingsErrors.toggleE2eNotAllowed();
    return undefined;
  },
  retentionEnabled: retention('enabled'),
  retentionMaxAge: retention('maxAge'),
  retentionExcludePinned: retention('excludePinned'),
  retentionFilesOnly: retention('filesOnly'),
  retentionIgnoreThreads: retention('ignoreThreads'),
  roomAvatar: ({ env, room }) =>
    env.store.authz.hasPermission(env.caller, 'edit-room-avatar', room._id) ? undefined : settingsErrors.avatarNotAllowed(),
};

/** Runs the validator of `key`, if it has one. */
export function validateSetting(key: SettingKey, input: ValidateInput): Failure | undefined {
  return validators[key]?.(input);
}
