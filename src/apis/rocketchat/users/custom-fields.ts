import { own } from '../parse-body.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { userErrors } from './user-errors.ts';

/**
 * User custom fields and the `Accounts_CustomFields` setting (a JSON object of field name →
 * `{type, required, minLength, maxLength, options, public}`; research notes issue 10 §4, §9.2;
 * vendor `validateCustomFields.ts`, `saveCustomFields.ts`, `saveCustomFieldsWithoutValidation.ts`,
 * `getFullUserData.ts`, ApiClass `setLimitedCustomFields`). A blank setting means "no fields":
 * nothing is validated and nothing is stored.
 */

/** One field's definition (only what the rules read). */
export interface CustomFieldMeta {
  readonly required: boolean;
  readonly type: unknown;
  readonly options: unknown;
  readonly minLength: number;
  readonly maxLength: number;
  readonly public: boolean;
}

/** The defined fields, in the setting's order: undefined when the setting is blank, an error when it is not JSON. */
export function customFieldsMeta(store: RocketChatStore): Result<ReadonlyMap<string, CustomFieldMeta> | undefined> {
  const raw = store.settings.string('Accounts_CustomFields');
  if (raw.trim() === '') return ok(undefined);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return err(userErrors.customFieldsInvalidJson());
  }
  // Modelled: JSON that is not an object defines no fields (the vendor would throw a TypeError on null).
  const fields = new Map<string, CustomFieldMeta>();
  if (typeof parsed !== 'object' || parsed === null) return ok(fields);
  for (const name of Object.keys(parsed)) {
    const meta = own(parsed, name);
    const length = (key: string): number => {
      const value = own(meta, key);
      return typeof value === 'number' ? value : 0;
    };
    fields.set(name, {
      required: Boolean(own(meta, 'required')),
      type: own(meta, 'type'),
      options: own(meta, 'options'),
      minLength: length('minLength'),
      maxLength: length('maxLength'),
      public: Boolean(own(meta, 'public')),
    });
  }
  return ok(fields);
}

// The vendor's `trim`: `String(value ?? '').trim()`.
function trimmed(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // String([a, b]) is "a,b"; any other object is "[object Object]".
  return Array.isArray(value) ? value.map((item: unknown) => trimmed(item)).join(',') : '[object Object]';
}

/** `validateCustomFields(fields)`: every defined field, in order, against the given values. */
export function validateCustomFields(store: RocketChatStore, given: object): Result<void> {
  const meta = customFieldsMeta(store);
  if (!meta.ok) return meta;
  for (const [name, field] of meta.value ?? []) {
    const value = own(given, name);
    const text = trimmed(value);
    if (field.required && text === '') return err(userErrors.customField(`Field ${name} is required`));
    if (field.type === 'select' && Array.isArray(field.options) && !field.options.includes(value)) {
      return err(userErrors.customField(`Value for field ${name} is invalid`));
    }
    if (field.maxLength && text.length > field.maxLength) return err(userErrors.customField(`Max length of field ${name} ${field.maxLength}`));
    if (field.minLength && text.length > 0 && text.length < field.minLength) {
      return err(userErrors.customField(`Min length of field ${name} ${field.minLength}`));
    }
  }
  return ok(undefined);
}

/**
 * `saveCustomFieldsWithoutValidation`: each given value of a defined field is set on its own
 * (`customFields.<name>`), so the others are kept (merged; `""` and `null` are stored as given).
 * Returns the new map, or `current` when nothing is stored.
 */
export function mergeCustomFields(
  meta: ReadonlyMap<string, CustomFieldMeta> | undefined,
  current: Readonly<Record<string, unknown>> | undefined,
  given: object,
): Record<string, unknown> | undefined {
  if (!meta) return current === undefined ? undefined : { ...current };
  const picked = Object.keys(given).filter((name) => meta.has(name));
  if (picked.length === 0) return current === undefined ? undefined : { ...current };
  const merged: Record<string, unknown> = { ...current };
  // defineProperty: a field named `__proto__` stays data.
  for (const name of picked) Object.defineProperty(merged, name, { value: own(given, name), enumerable: true, writable: true, configurable: true });
  return merged;
}
