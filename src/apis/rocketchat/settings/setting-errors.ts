import type { components } from '../../../generated/rocketchat.ts';

/** The settings routes' 400 body (`SettingsFailure`): `error` is optional there. */
export type SettingsFailure = components['schemas']['SettingsFailure'];

/**
 * Error bodies of `settings/:_id` (`apps/meteor/server/api/v1/settings.ts` @ 041941a2; research
 * notes issue 10 §6).
 */
export const settingErrors = {
  /**
   * `API.v1.failure()` with no argument: `{success:false, error:undefined, stack:undefined}`,
   * which JSON drops to `{"success":false}` (unknown or hidden setting, no `value` to save).
   */
  bare: (): SettingsFailure => ({ success: false }),
} as const;
