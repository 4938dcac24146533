import type { components } from '../../generated/roam.ts';

/**
 * The catalog of Roam.ai v1 error envelopes. Shapes come from the only page that documents
 * errors for this API family, the GeoSpark v1 "Error responses" page (research/roam.md §3a):
 * `{status, msg, code, error: {ErrorCode, ErrorMessage, details?}}`, singular `error`, no `data`,
 * spelling ("occured") theirs. Which error a group/user endpoint gives in which case is not
 * documented (§3d): every mapping below except the 401 bodies is modelled on §3a's patterns.
 */

type Schemas = components['schemas'];
/** The documented 400 body (GS400 or GS402). */
export type BadRequestBody = Schemas['BadRequest'];
/** DRF serializer errors: field → messages, or item index → messages for a list field. */
export type FieldErrors = Schemas['FieldErrors'];

/** A 400 answer as handlers and rejectInvalid return it. */
export interface BadRequest {
  readonly status: 400;
  readonly body: BadRequestBody;
}

/** A 401 answer. */
export interface Unauthorized {
  readonly status: 401;
  readonly body: Schemas['Unauthorized'];
}

/** The 413 answer. */
export interface PayloadTooLarge {
  readonly status: 413;
  readonly body: Schemas['PayloadTooLarge'];
}

/**
 * No (or an empty) `Api-Key` header. Verbatim from §3a, including `status: true`, which the vendor
 * documents (almost certainly a doc bug; reproduced on purpose so clients meet the documented body).
 */
export function missingApiKey(): Unauthorized {
  const msg = 'No Api key in Header provided';
  return { status: 401, body: { status: true, msg, code: 401, error: { ErrorCode: 'GS401', ErrorMessage: 'Invalid Api key', details: msg } } };
}

/** An `Api-Key` no project owns. Verbatim from §3a (`status: true` as documented). */
export function invalidApiKey(): Unauthorized {
  const msg = 'Invalid Api key.';
  return { status: 401, body: { status: true, msg, code: 401, error: { ErrorCode: 'GS401', ErrorMessage: 'Invalid Api key', details: msg } } };
}

/** Body is not JSON or not a JSON object: §3a's catch-all "malformed request" body, verbatim. */
export function malformedBody(): BadRequest {
  return { status: 400, body: { status: false, msg: 'Unknown Error.', code: 400, error: { ErrorCode: 'GS400', ErrorMessage: 'An error occured' } } };
}

/** Field validation failed: §3a's GS402 body with DRF-style `details`. */
export function fieldErrors(details: FieldErrors): BadRequest {
  return { status: 400, body: { status: false, msg: 'Error Occured.', code: 400, error: { ErrorCode: 'GS402', ErrorMessage: 'Invalid request', details } } };
}

/** §3a's "referenced object does not exist" body (GS400 + string details), used for any GS400 with a reason. */
function gs400(details: string): BadRequest {
  return { status: 400, body: { status: false, msg: 'Error Occured.', code: 400, error: { ErrorCode: 'GS400', ErrorMessage: 'An error occured', details } } };
}

/**
 * Unknown id, or the id of another project's object: 400, never 404 (§3a has no 404). Text follows
 * "Geofence does not exist." (§3a); modelled for groups and users (§3d).
 */
export function doesNotExist(kind: 'Group' | 'User'): BadRequest {
  return gs400(`${kind} does not exist.`);
}

/** The twin's per-session cap on stored objects was reached (a twin limit, not a Roam one). */
export function limitReached(kind: 'Group' | 'User'): BadRequest {
  return gs400(`${kind} limit reached.`);
}

/**
 * A write the session cannot hold: too many records of one kind, or more bytes than the session's
 * budget (twin limits, not Roam's; modelled).
 */
export function sessionFull(kind: 'Group' | 'User', full: 'count' | 'bytes', byteLimit: number): BadRequest {
  return full === 'count'
    ? limitReached(kind)
    : gs400(`This mock session holds the maximum of ${byteLimit} bytes of stored documents; reset the session or raise --max-session-bytes.`);
}

/**
 * Well-formed user ids that are not users of the key's project. §3a documents unknown ids as a
 * GS402 field error; the message lists the ids so a failing test says which (modelled, §3d).
 */
export function unknownUsers(ids: readonly string[]): BadRequest {
  return fieldErrors({ users: [`Invalid user ids: ${ids.join(',')}`] });
}

/** Body over the size limit. Roam documents no 413; modelled in the §3a envelope. */
export function payloadTooLarge(): PayloadTooLarge {
  return {
    status: 413,
    body: { status: false, msg: 'Request entity too large.', code: 413, error: { ErrorCode: 'GS413', ErrorMessage: 'Request entity too large' } },
  };
}
