import { rcErrors } from '../errors.ts';
import type { RocketChatStore } from '../store/store.ts';
import { settingErrors, type SettingsFailure } from './setting-errors.ts';
import type { SettingUpdate } from './update-body.ts';

/** Saved, or the settings route's 400 body. */
export type SaveResult = { readonly ok: true } | { readonly ok: false; readonly error: SettingsFailure };

/**
 * The action of `POST settings/:_id` (`apps/meteor/server/api/v1/settings.ts` @ 041941a2; research
 * notes issue 10 §6.2): unknown or hidden id → `{"success":false}`; a body with `value` saves it
 * as sent, whatever its JSON type (`Settings.updateValueNotHiddenById`, then the settings cache),
 * so the next request of every endpoint reads it; no `value` → `{"success":false}`.
 * Not modelled, as no modelled setting has them: action settings (`execute`), color settings
 * (`editor`), numeric bounds and `validateSettingRules`; `Custom_Script_*` ids are unknown ids
 * here (the vendor's 403 for them needs an enterprise trial licence).
 */
export function saveSetting(store: RocketChatStore, id: string | undefined, update: SettingUpdate): SaveResult {
  if (id === undefined || !store.settings.has(id)) return { ok: false, error: settingErrors.bare() };
  if (!update.hasValue) return { ok: false, error: settingErrors.bare() };
  if (!store.settings.set(id, update.value)) return { ok: false, error: rcErrors.sessionFull(store.byteLimit) };
  return { ok: true };
}
