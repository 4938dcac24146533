import { rcErrors, type Failure } from '../errors.ts';
import { own } from '../parse-body.ts';

/**
 * The hand-written checks of 7.x/8.x `groups.create`, in the server's order (research/rocketchat.md
 * §2.2 items 2–6): the route's truthiness checks, then Meteor `check(name, String)` and
 * `check(members, Match.Optional([String]))` in createPrivateGroupMethod. No JSON Schema runs on
 * this route in G7/G8, so both `rejectInvalid` and the handler run exactly this chain.
 */

/** The body after the route's checks: what createPrivateGroupMethod receives. */
export interface CreateArgs {
  /** The raw name (untrimmed: `fname` keeps it, §3.1). */
  readonly name: string;
  /** Member usernames as sent (duplicates and unknown names are dealt with later). */
  readonly members: readonly string[];
  /** Passed through unchanged; only `=== true` counts (CR `ro: readOnly === true`). */
  readonly readOnly: unknown;
  /** `?? false` in the route; only truthy matters. */
  readonly excludeSelf: unknown;
  /** An object (arrays pass the vendor's `typeof` check) or undefined. */
  readonly customFields: object | undefined;
  /** An object (arrays pass too) or undefined. */
  readonly extraData: object | undefined;
}

/** The first failing check, or the arguments for the create flow. */
export type CheckResult = { readonly ok: true; readonly args: CreateArgs } | { readonly ok: false; readonly error: Failure };

/** Runs the vendor's ordered checks on a parsed body (any value; non-objects read like `{}`). */
export function checkCreateBody(body: unknown): CheckResult {
  const name = own(body, 'name');
  const members = own(body, 'members');
  const customFields = own(body, 'customFields');
  const extraData = own(body, 'extraData');
  // Route checks: truthiness first, so `0`, `false`, `null` and `""` are all "required".
  if (!name) return fail(rcErrors.nameRequired());
  if (members && !Array.isArray(members)) return fail(rcErrors.membersNotArray());
  if (customFields && typeof customFields !== 'object') return fail(rcErrors.customFieldsNotObject());
  if (extraData && typeof extraData !== 'object') return fail(rcErrors.extraDataNotObject());
  // Meteor check(): the name is truthy here, so only its type can be wrong.
  if (typeof name !== 'string') return fail(rcErrors.matchError(`Expected string, got ${meteorTypeOf(name)}`));
  const list: unknown[] = Array.isArray(members) ? members : [];
  const strings: string[] = [];
  for (const [index, item] of list.entries()) {
    if (typeof item !== 'string') {
      return fail(rcErrors.matchError(`Expected string, got ${meteorTypeOf(item)} in field [${index}]`));
    }
    strings.push(item);
  }
  return {
    ok: true,
    args: {
      name,
      members: strings,
      readOnly: own(body, 'readOnly'),
      excludeSelf: own(body, 'excludeSelf'),
      customFields: isObject(customFields) ? customFields : undefined,
      extraData: isObject(extraData) ? extraData : undefined,
    },
  };
}

function fail(error: Failure): CheckResult {
  return { ok: false, error };
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** The type word Meteor's check puts in "Expected string, got <type>": typeof, with null spelled out. */
function meteorTypeOf(value: unknown): string {
  return value === null ? 'null' : typeof value;
}
