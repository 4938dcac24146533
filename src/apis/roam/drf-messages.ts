/**
 * Django REST Framework's field error messages, which Roam's GS402 `details` use
 * (research/roam.md §3a: "This field is required.", "\"circles\" is not a valid choice."; the
 * `/`-terminated URLs point at a DRF backend). DRF interpolates Python values, so this file also
 * renders JSON values the way Python's `str()` and `type().__name__` would.
 */

/** DRF `required`. */
export const REQUIRED = 'This field is required.';
/** DRF `null` (allow_null=False). */
export const MAY_NOT_BE_NULL = 'This field may not be null.';
/** DRF CharField `invalid`. */
export const NOT_A_STRING = 'Not a valid string.';
/** DRF IntegerField `invalid`. */
export const NOT_AN_INTEGER = 'A valid integer is required.';
/** DRF DateField `invalid` with the only accepted format. */
export const BAD_DATE = 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.';
/** Fallback for a schema rule DRF has no message for (not expected with openapi/roam.yaml). */
export const INVALID_VALUE = 'Invalid value.';

/** ListField `not_a_list`. */
export function notAList(value: unknown): string {
  return `Expected a list of items but got type "${pythonTypeName(value)}".`;
}

/** DictField `not_a_dict`. */
export function notADict(value: unknown): string {
  return `Expected a dictionary of items but got type "${pythonTypeName(value)}".`;
}

/** ChoiceField `invalid_choice`. */
export function notAChoice(value: unknown): string {
  return `"${pythonStr(value)}" is not a valid choice.`;
}

/** ObjectIdField `invalid` (django-rest-framework-mongoengine wording). */
export function notAnObjectId(value: unknown): string {
  return `"${pythonStr(value)}" is not a valid ObjectId.`;
}

/** IntegerField `min_value`. */
export function tooSmall(limit: unknown): string {
  return `Ensure this value is greater than or equal to ${pythonStr(limit)}.`;
}

/** IntegerField `max_value`. */
export function tooLarge(limit: unknown): string {
  return `Ensure this value is less than or equal to ${pythonStr(limit)}.`;
}

/** Python's `type(value).__name__` for a value decoded from JSON. */
export function pythonTypeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'string':
      return 'str';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int' : 'float';
    case 'object':
      return 'dict';
    default:
      return typeof value;
  }
}

/** Python's `str(value)` for a value decoded from JSON (strings unquoted, containers repr'd). */
export function pythonStr(value: unknown): string {
  return typeof value === 'string' ? value : pythonRepr(value);
}

/** Nesting shown in a message before `...`: garbage nested 100,000 deep must not blow the stack. */
const MAX_REPR_DEPTH = 8;
/** Longest repr in a message; the rest is cut, so a 1 MB body does not echo back 1 MB. */
const MAX_REPR_CHARS = 200;

function pythonRepr(value: unknown): string {
  const text = reprAt(value, 0);
  return text.length > MAX_REPR_CHARS ? `${text.slice(0, MAX_REPR_CHARS)}...` : text;
}

function reprAt(value: unknown, depth: number): string {
  if (value === null) return 'None';
  if (depth >= MAX_REPR_DEPTH && typeof value === 'object') return Array.isArray(value) ? '[...]' : '{...}';
  const inner = (v: unknown): string => reprAt(v, depth + 1);
  if (Array.isArray(value)) return `[${value.slice(0, 20).map(inner).join(', ')}${value.length > 20 ? ', ...' : ''}]`;
  switch (typeof value) {
    case 'string':
      return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
    case 'boolean':
      return value ? 'True' : 'False';
    case 'number':
      return String(value);
    case 'object':
      return `{${Object.entries(value).slice(0, 20).map(([k, v]) => `${inner(k)}: ${inner(v)}`).join(', ')}}`;
    default:
      // Not a JSON value (undefined, bigint, …): never produced by a parser; name its type.
      return value === undefined ? 'None' : typeof value;
  }
}
