import { own } from '../parse-body.ts';

/**
 * The `_id` path parameter (the core's router decodes it, as Hono's `c.req.param` does). Always
 * present for a routed request; undefined only if a caller skipped the router.
 */
export function settingId(params: unknown): string | undefined {
  const id = own(params, '_id');
  return typeof id === 'string' ? id : undefined;
}
