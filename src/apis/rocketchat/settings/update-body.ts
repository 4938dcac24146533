import { rcErrors } from '../errors.ts';
import { own } from '../parse-body.ts';
import { coerceBoolean, coerceString, isObject } from '../permissions/ajv-coerce.ts';
import { err, ok, type Result } from '../result.ts';

/** What `POST settings/:_id` reads of its body after the router's check. */
export interface SettingUpdate {
  /** True when the body has a `value` key (`isSettingsUpdatePropDefault`: `'value' in body`). */
  readonly hasValue: boolean;
  readonly value: unknown;
}

/**
 * The router's check of the body (`settingsUpdateBodySchema`, `apps/meteor/server/api/v1/settings.ts`
 * @ 041941a2): an object whose `execute` is a boolean and `editor` a string when present, after
 * ajv's coercion; `value` may be anything and other keys are allowed. First error only, as
 * `{success:false, errorType:'invalid-params', error}`.
 */
export function checkSettingBody(body: unknown): Result<SettingUpdate> {
  if (!isObject(body)) return err(rcErrors.invalidParamsTyped('must be object'));
  const execute = own(body, 'execute');
  if (execute !== undefined) {
    const coerced = coerceBoolean(execute);
    if (!coerced.ok) return err(rcErrors.invalidParamsTyped(coerced.message));
  }
  const editor = own(body, 'editor');
  if (editor !== undefined) {
    const coerced = coerceString(editor);
    if (!coerced.ok) return err(rcErrors.invalidParamsTyped(coerced.message));
  }
  return ok({ hasValue: Object.hasOwn(body, 'value'), value: own(body, 'value') });
}
