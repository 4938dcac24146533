import type { StoredUser } from '../model.ts';
import { own } from '../parse-body.ts';
import type { RocketChatStore } from '../store/store.ts';

/** The four permissions that give access to integrations (groups.getIntegrations' `hasAny`). */
export const INTEGRATION_PERMISSIONS = [
  'manage-outgoing-integrations',
  'manage-own-outgoing-integrations',
  'manage-incoming-integrations',
  'manage-own-incoming-integrations',
] as const;

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

/** `hasAny` of the four integration permissions (global roles only, as the middleware checks). */
export function mayListIntegrations(store: RocketChatStore, user: StoredUser): boolean {
  return INTEGRATION_PERMISSIONS.some((permission) => store.authz.hasPermission(user, permission));
}
