import type { ValidationIssue } from '../../core/api.ts';
import { problem } from '../../core/problem.ts';
import type { JsonResponse } from '../../core/types.ts';

/**
 * RFC 9457 problem details the generic API answers for its own errors (DESIGN.md §3: the twin's
 * faults are `urn:api-twin:problem:<name>`). A document's own error shape is used instead where it
 * documents one (404, 401: see handlers.ts); validation always answers this shape, because its
 * value is the list of failing pointers and reasons.
 */

/** One failing part of a request: a JSON pointer into it (`/body/name`, `/query/limit`) and why. */
export interface RequestError {
  readonly pointer: string;
  readonly reason: string;
}

/** 400 listing every failing pointer and reason. */
export function invalidRequest(errors: readonly RequestError[]): JsonResponse {
  const shown = errors.slice(0, 50);
  const detail = shown.map((e) => `${e.pointer} ${e.reason}`).join('; ');
  return problem(400, 'invalid-request', 'The request does not match the OpenAPI document', detail.length > 1000 ? `${detail.slice(0, 997)}...` : detail, { errors: shown });
}

/** ajv issues (`/requestBody/name`, keyword `required`) as request pointers and reasons. */
export function requestErrors(issues: readonly ValidationIssue[]): RequestError[] {
  const out: RequestError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    let pointer = issue.instancePath.replace(/^\/requestBody(?=\/|$)/, '/body');
    let reason = issue.message;
    if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') {
      const missing = issue.params.missingProperty;
      // The whole body, or a whole parameter group (`path`, `query`, `header`) missing at the top.
      pointer = pointer === '' ? (missing === 'requestBody' ? '/body' : `/${missing}`) : `${pointer}/${escape(missing)}`;
      reason = 'is required';
    } else if (issue.keyword === 'additionalProperties' && typeof issue.params.additionalProperty === 'string') {
      pointer = `${pointer}/${escape(issue.params.additionalProperty)}`;
      reason = pointer.startsWith('/query/') ? 'is not a parameter of this operation' : 'is not allowed';
    } else if (issue.keyword === 'parse') {
      reason = `is not valid JSON (${issue.message})`;
    }
    const key = `${pointer} ${reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer: pointer === '' ? '/' : pointer, reason });
  }
  return out;
}

function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** 401 when the document documents no 401 body of its own. */
export function unauthorized(detail: string, challenge: string): JsonResponse {
  return { ...problem(401, 'unauthorized', 'Credentials are missing or not accepted', detail), headers: { 'www-authenticate': challenge } };
}

/** 404 for an item the session does not hold, when the document documents no 404 body. */
export function notFound(collection: string, id: string): JsonResponse {
  return problem(404, 'not-found', 'No such item', `${collection} holds no item ${id} in this session.`);
}

/** 409 for a create naming an id the collection already holds. */
export function conflict(collection: string, id: string): JsonResponse {
  return problem(409, 'conflict', 'An item with this id exists', `${collection} already holds an item ${id} in this session.`);
}

/** 415 for a body in a media type the operation does not take. */
export function unsupportedMediaType(sent: string, accepted: readonly string[]): JsonResponse {
  return problem(415, 'unsupported-media-type', 'The operation does not take this media type', `Sent ${sent || 'no Content-Type'}; the document accepts ${accepted.join(', ')}.`);
}

/** 400 for a body that does not parse. */
export function malformedBody(reason: string): JsonResponse {
  return invalidRequest([{ pointer: '/body', reason }]);
}

/** 413 for a body over the size limit. */
export function tooLarge(): JsonResponse {
  return problem(413, 'body-too-large', 'The request body is over the size limit', 'Bodies are limited to the twin\'s bodyLimitBytes (1 MiB by default).');
}

/** 501 for an operation listed at start as one the twin cannot serve. */
export function unservable(reason: string): JsonResponse {
  return problem(501, 'unservable-operation', 'The twin cannot serve this operation', `${reason}; it was listed when the twin started.`);
}

/** 507 for a write past the session's byte budget. */
export function sessionFull(limit: number): JsonResponse {
  return problem(507, 'session-full', 'The mock session holds as much as it may', `The session's stored items would pass its budget of ${limit} bytes (--max-session-bytes); delete items or reset the session.`);
}
