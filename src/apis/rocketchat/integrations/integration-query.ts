import type { JsonResponse } from '../../../core/types.ts';
import { PERMISSIONS_REQUIRED_ANY } from '../auth/permissions-required.ts';
import { rcErrors } from '../errors.ts';
import type { StoredUser } from '../model.ts';
import { own } from '../parse-body.ts';
import type { RocketChatStore } from '../store/store.ts';
import { fromMiddleware } from '../wire.ts';

/**
 * `mountIntegrationQueryBasedOnPermissions(userId)` as a predicate: both "all" permissions see
 * every integration; both "own" ones see their own; otherwise each held permission adds its
 * type (all, or only the caller's own).
 */
export function visibleTo(store: RocketChatStore, user: StoredUser): (integration: Readonly<Record<string, unknown>>) => boolean {
  const allOutgoing = store.authz.hasPermission(user, 'manage-outgoing-integrations');
  const allIncoming = store.authz.hasPermission(user, 'manage-incoming-integrations');
  const ownOutgoing = store.authz.hasPermission(user, 'manage-own-outgoing-integrations');
  const ownIncoming = store.authz.hasPermission(user, 'manage-own-incoming-integrations');
  const mine = (integration: Readonly<Record<string, unknown>>): boolean => own(integration._createdBy, '_id') === user._id;
  if (allOutgoing && allIncoming) return () => true;
  if (ownOutgoing && ownIncoming) return mine;
  return (integration) => {
    const incoming = integration.type === 'webhook-incoming';
    const outgoing = integration.type === 'webhook-outgoing';
    return (
      (allIncoming && incoming) ||
      (allOutgoing && outgoing) ||
      (ownIncoming && incoming && mine(integration)) ||
      (ownOutgoing && outgoing && mine(integration))
    );
  };
}

/**
 * The `permissionsRequired` middleware for a `hasAny` route (PMN; auth/permissions-required.ts):
 * its 403, marked as a middleware answer, unless the caller holds one of the route's global
 * permissions.
 */
export function anyPermissionRefusal(store: RocketChatStore, user: StoredUser, operationId: string) {
  const permissions = PERMISSIONS_REQUIRED_ANY.get(operationId) ?? [];
  if (permissions.some((permission) => store.authz.hasPermission(user, permission))) return undefined;
  return fromMiddleware({ status: 403, body: rcErrors.permissionsRequired() } as const satisfies JsonResponse);
}
