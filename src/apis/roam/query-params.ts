import { BAD_DATE, NOT_AN_INTEGER, notAnObjectId, tooSmall } from './drf-messages.ts';

/**
 * The query parameters each GET operation reads, checked the way a Django view reads them
 * (research/roam.md §2, §6). The twin checks them here rather than trusting ajv's first issue:
 * openapi-backend rejects unknown query parameters (`additionalProperties: false`) before looking
 * at the known ones, while Django simply ignores unknown parameters.
 * Must agree with the parameters in openapi/roam.yaml (a unit test compares them).
 */

type Rule = (value: string) => string | undefined;

const OBJECT_ID = /^[0-9a-fA-F]{24}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const objectId: Rule = (value) => (OBJECT_ID.test(value) ? undefined : notAnObjectId(value));
const pageNumber: Rule = (value) => {
  const parsed = parsePageNumber(value);
  if (parsed === undefined) return NOT_AN_INTEGER;
  return parsed < 1 ? tooSmall(1) : undefined;
};
const date: Rule = (value) => (DATE.test(value) ? undefined : BAD_DATE);
const anyString: Rule = () => undefined;

/** Query parameters per operation, in the order the spec declares them. */
export const QUERY_RULES: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  getGroups: { group_id: objectId, page_number: pageNumber },
  getUser: { user_id: objectId, page_number: pageNumber, timezone_offset: anyString, start_date: date, end_date: date },
};

/**
 * The value Django's `request.GET[key]` gives: the last one of a repeated key.
 * Accepts what the core passes (string, string[], or an already-coerced number).
 */
export function queryValue(raw: unknown): string | undefined {
  const last: unknown = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  if (typeof last === 'string') return last;
  if (typeof last === 'number') return String(last);
  return undefined;
}

/** An integer page number as ajv's coercion reads it (`+value`, whole numbers only), else undefined. */
export function parsePageNumber(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : undefined;
}

/** Field errors for the known query parameters of `operationId`; unknown parameters are ignored. */
export function queryErrors(operationId: string, query: Readonly<Record<string, unknown>>): [string, string[]][] {
  const rules = QUERY_RULES[operationId] ?? {};
  const errors: [string, string[]][] = [];
  for (const [name, rule] of Object.entries(rules)) {
    if (!Object.hasOwn(query, name)) continue;
    const value = queryValue(query[name]);
    const message = value === undefined ? undefined : rule(value);
    if (message !== undefined) errors.push([name, [message]]);
  }
  return errors;
}
