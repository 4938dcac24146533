import type { ParsedInput, ValidationIssue } from '../../core/api.ts';
import * as drf from './drf-messages.ts';
import { fieldErrors, malformedBody, type BadRequest, type FieldErrors } from './errors.ts';
import { queryErrors } from './query-params.ts';

/**
 * Turns openapi-backend's request-validation issues into Roam's GS402 answer with Django REST
 * Framework `details` (research/roam.md §3a shapes; which message for which case is modelled,
 * §3d). One entry per field, in the order the issues name them; a list item's errors are keyed by
 * its index, as DRF's ListField reports them: `{"users": {"0": ["..."]}}`.
 */

/** Body fields holding an ObjectId, and list fields whose items are ObjectIds. */
const OBJECT_ID_FIELDS = new Set(['group_id', 'user_id']);
const OBJECT_ID_LIST_FIELDS = new Set(['users']);

type FieldError = string[] | Record<string, string[]>;

/**
 * Errors gathered per field while the issues are read: a field's own messages, or its items'
 * messages by index. Mutable and keyed by Map, so 80,000 bad items cost 80,000 steps: copying an
 * object per item (as `{...current, ...error}` did) made it quadratic and froze the twin.
 */
type Gathered = { readonly kind: 'field'; readonly messages: string[]; readonly seen: Set<string> } | { readonly kind: 'items'; readonly items: Map<string, string[]> };

/**
 * The vendor answer for a request that failed the spec. Returns `undefined` only when the sole
 * problem is an unknown query parameter, which Django ignores, so the handler runs.
 */
export function rejectRoamInvalid(operationId: string, input: ParsedInput, issues: readonly ValidationIssue[]): BadRequest | undefined {
  const details = new Map<string, Gathered>();
  let queryChecked = false;
  for (const issue of issues) {
    const path = pointerSegments(issue.instancePath);
    if (path[0] === 'query') {
      // Query parameters are checked as Django reads them, all at once (see query-params.ts).
      if (!queryChecked) for (const [name, messages] of queryErrors(operationId, input.query)) details.set(name, { kind: 'field', messages, seen: new Set(messages) });
      queryChecked = true;
      continue;
    }
    if (path[0] !== 'requestBody') return malformedBody();
    const entry = bodyFieldError(path.slice(1), issue, input.body);
    if (entry === undefined) return malformedBody();
    mergeInto(details, entry[0], entry[1]);
  }
  if (details.size === 0) return queryChecked ? undefined : malformedBody();
  // Object.fromEntries defines own properties, so even a field named `__proto__` stays data.
  const result: FieldErrors = Object.fromEntries([...details].map(([field, gathered]) => [field, finish(gathered)]));
  return fieldErrors(result);
}

/**
 * Contract mode (`--strict`): the only spec violations Roam lets through are unknown query
 * parameters (Django ignores them); they get a GS402 naming each (modelled).
 */
export function rejectRoamStrict(operationId: string, input: ParsedInput, issues: readonly ValidationIssue[]): BadRequest {
  const details: FieldErrors = {};
  for (const issue of issues) {
    const name = issue.params.additionalProperty;
    if (typeof name === 'string') Object.defineProperty(details, name, { value: ['Unknown query parameter.'], enumerable: true, writable: true, configurable: true });
  }
  return Object.keys(details).length > 0 ? fieldErrors(details) : (rejectRoamInvalid(operationId, input, issues) ?? malformedBody());
}

/** `[field, error]` for an issue inside the body, or undefined when the body itself is wrong. */
function bodyFieldError(path: readonly string[], issue: ValidationIssue, body: unknown): [string, FieldError] | undefined {
  const [field, index, ...deeper] = path;
  if (field === undefined) {
    const missing = issue.params.missingProperty;
    return issue.keyword === 'required' && typeof missing === 'string' ? [missing, [drf.REQUIRED]] : undefined;
  }
  const value = ownValue(body, field);
  if (index === undefined || deeper.length > 0 || !Array.isArray(value)) return [field, [fieldMessage(field, value, issue)]];
  return [field, { [index]: [itemMessage(field, ownValue(value, index), issue)] }];
}

/** The DRF message for a whole field. */
export function fieldMessage(field: string, value: unknown, issue: Pick<ValidationIssue, 'keyword' | 'params'>): string {
  if (value === null) return drf.MAY_NOT_BE_NULL;
  if (OBJECT_ID_FIELDS.has(field)) return drf.notAnObjectId(value);
  switch (issue.keyword) {
    case 'enum':
      return drf.notAChoice(value);
    case 'type':
      return typeMessage(issue.params.type, value);
    case 'minimum':
      return drf.tooSmall(issue.params.limit);
    case 'maximum':
      return drf.tooLarge(issue.params.limit);
    default:
      return drf.INVALID_VALUE;
  }
}

/** The DRF message for one item of a list field (ListField child errors). */
export function itemMessage(field: string, value: unknown, issue: Pick<ValidationIssue, 'keyword' | 'params'>): string {
  if (value === null) return drf.MAY_NOT_BE_NULL;
  if (OBJECT_ID_LIST_FIELDS.has(field)) return drf.notAnObjectId(value);
  return fieldMessage(field, value, issue);
}

function typeMessage(expected: unknown, value: unknown): string {
  switch (expected) {
    case 'string':
      return drf.NOT_A_STRING;
    case 'array':
      return drf.notAList(value);
    case 'object':
      return drf.notADict(value);
    case 'integer':
    case 'number':
      return drf.NOT_AN_INTEGER;
    default:
      return drf.INVALID_VALUE;
  }
}

function mergeInto(details: Map<string, Gathered>, field: string, error: FieldError): void {
  const current = details.get(field);
  if (Array.isArray(error)) {
    if (current?.kind === 'field') {
      for (const message of error) {
        if (current.seen.has(message)) continue;
        current.seen.add(message);
        current.messages.push(message);
      }
    } else {
      // A field-level message wins over item messages: DRF stops at the field level.
      details.set(field, { kind: 'field', messages: [...error], seen: new Set(error) });
    }
    return;
  }
  if (current?.kind === 'field') return;
  const items = current?.items ?? new Map<string, string[]>();
  for (const [index, messages] of Object.entries(error)) items.set(index, messages);
  if (!current) details.set(field, { kind: 'items', items });
}

/** The DRF shape of what was gathered for one field. */
function finish(gathered: Gathered): FieldError {
  return gathered.kind === 'field' ? gathered.messages : Object.fromEntries(gathered.items);
}

/** Decodes a JSON Pointer (RFC 6901) into its segments. */
function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** `container[key]` when it is an own property (never an inherited one such as `constructor`). */
function ownValue(container: unknown, key: string): unknown {
  if (typeof container !== 'object' || container === null || !Object.hasOwn(container, key)) return undefined;
  const value: unknown = Reflect.get(container, key);
  return value;
}
