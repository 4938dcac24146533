import type { StoredRoom } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import { extraOf, type SettingsEnv } from './room-writes.ts';
import { saveSetting } from './savers.ts';
import { settingsErrors } from './settings-errors.ts';
import { isSettingKey, type SettingEntry, type SettingKey } from './setting-keys.ts';
import { validateSetting } from './validators.ts';

/**
 * `saveRoomSettings(userId, rid, settings)` (SRS, research notes issue 11 §2;
 * apps/meteor/app/channel-settings/server/methods/saveRoomSettings.ts): the one engine behind
 * groups.rename, groups.set* and rooms.saveRoomSettings. Check order: `rid` a string → every key
 * known → room exists → `edit-room` in the room → broadcast rooms refuse truthy
 * `readOnly`/`reactWhenReadOnly` → validators (all keys, in order) → savers (in order). There is
 * no membership or archived check here; the groups.* routes look the room up first.
 */

/** Keys `retentionOverrideGlobal: false` drops before saving (their validators still run). */
const OVERRIDDEN_BY_GLOBAL: readonly SettingKey[] = ['retentionMaxAge', 'retentionExcludePinned', 'retentionFilesOnly', 'retentionIgnoreThreads'];

/** Saves `entries` on room `rid` as `env.caller`; the room after the change, or the vendor's error. */
export function saveRoomSettings(env: SettingsEnv, rid: unknown, entries: readonly SettingEntry[]): Result<StoredRoom> {
  if (typeof rid !== 'string') return err(settingsErrors.invalidRoom());
  const settings = new Map<SettingKey, unknown>();
  for (const [key, value] of entries) {
    if (!isSettingKey(key)) return err(settingsErrors.invalidSettings());
    settings.set(key, value);
  }
  const room = env.store.rooms.room(rid);
  if (!room) return err(settingsErrors.invalidRoom());
  // The direct-message exception (encrypted only, `t === 'd'`) cannot arise: the twin has no DMs.
  if (!env.store.authz.hasPermission(env.caller, 'edit-room', rid)) return err(settingsErrors.editingNotAllowed());
  if (extraOf(room, 'broadcast') && (settings.get('readOnly') || settings.get('reactWhenReadOnly'))) {
    return err(settingsErrors.broadcastFlags());
  }
  const before: StoredRoom = { ...room };
  for (const key of [...settings.keys()]) {
    const failure = validateSetting(key, { env, room: before, value: settings.get(key) });
    if (failure) return err(failure);
    if (key === 'retentionOverrideGlobal' && settings.get(key) === false) {
      for (const dropped of OVERRIDDEN_BY_GLOBAL) settings.delete(dropped);
    }
  }
  for (const [key, value] of settings) {
    const failure = saveSetting(key, { env, room, before, value });
    if (failure) return err(failure);
  }
  return ok(room);
}
