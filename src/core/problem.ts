import type { JsonResponse } from './types.ts';

/**
 * RFC 9457 problem details for faults of the twin itself (unknown route, bad control header,
 * a bug), never for vendor errors: the `urn:api-twin:problem:` type makes sure no client
 * mistakes one for a Rocket.Chat or Roam answer (DESIGN.md §3).
 */
export function problem(status: number, name: string, title: string, detail?: string, extra?: Record<string, unknown>): JsonResponse {
  return {
    status,
    contentType: 'application/problem+json',
    body: { type: `urn:api-twin:problem:${name}`, title, status, ...(detail === undefined ? {} : { detail }), ...extra },
  };
}

/** No spec documents this path. */
export function routeNotFound(method: string, path: string): JsonResponse {
  return problem(404, 'route-not-found', 'No operation matches this path', `${method} ${path} is not an operation of any served spec.`);
}

/** The path exists, but not with this method. */
export function methodNotAllowed(method: string, path: string): JsonResponse {
  return problem(405, 'method-not-allowed', 'Method not allowed for this path', `${path} does not document ${method}.`);
}

/** A bug in the twin: the adapter or core caught an exception. */
export function internalError(error: unknown): JsonResponse {
  const detail = error instanceof Error ? error.message : String(error);
  return problem(500, 'internal-error', 'The twin failed while answering', detail);
}
