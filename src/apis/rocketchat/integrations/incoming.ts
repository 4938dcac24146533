import type { Deps } from '../../../core/types.ts';
import type { StoredUser } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { integrationErrors } from './integration-errors.ts';
import { webhookToken } from './integration-ids.ts';

/**
 * `addIncomingIntegration(userId, integration)` (AII @2b26af27; research notes issue 11 §7.1),
 * after the route's schema, in the vendor's order: Meteor check (`overrideDestinationChannelEnabled`
 * is required there) → `manage-incoming-integrations` or `manage-own-incoming-integrations` →
 * `channel` not blank → every comma-separated channel starts with `@` or `#` → `username` not
 * blank → the user exists → each channel names a room (`#` by `_id` or `name`) or a user (`@` by
 * `_id` or `username`) → without both permissions the caller must be subscribed to it.
 * The document: the body, then `channel` as the trimmed list, `token`, `userId`, `_createdAt`,
 * `_createdBy: {_id, username}`. The integration's user gains the `bot` role (separately charged).
 */
export function incomingIntegration(
  store: RocketChatStore,
  deps: Deps,
  caller: StoredUser,
  body: Readonly<Record<string, unknown>>,
): Result<{ doc: Record<string, unknown>; user: StoredUser }> {
  if (!Object.hasOwn(body, 'overrideDestinationChannelEnabled')) return err(integrationErrors.missingKey('overrideDestinationChannelEnabled'));
  const manageAll = store.authz.hasPermission(caller, 'manage-incoming-integrations');
  const manageOwn = store.authz.hasPermission(caller, 'manage-own-incoming-integrations');
  if (!manageAll && !manageOwn) return err(integrationErrors.incomingUnauthorized());
  const channel = typeof body.channel === 'string' ? body.channel : '';
  if (channel.trim() === '') return err(integrationErrors.incomingInvalidChannel());
  const channels = channel.split(',').map((entry) => entry.trim());
  if (channels.some((entry) => !['@', '#'].includes(entry.charAt(0)))) return err(integrationErrors.incomingChannelStart());
  const username = typeof body.username === 'string' ? body.username : '';
  if (username.trim() === '') return err(integrationErrors.incomingInvalidUsername());
  const user = store.users.byUsername(username);
  if (!user) return err(integrationErrors.incomingInvalidUser());
  for (const entry of channels) {
    const name = entry.slice(1);
    const recordId = entry.startsWith('#')
      ? (store.rooms.room(name) ?? store.rooms.roomByName(name))?._id
      : (store.users.byUserId(name) ?? store.users.byUsername(name))?._id;
    if (recordId === undefined) return err(integrationErrors.incomingInvalidRoom());
    if (!(manageAll && manageOwn) && !store.rooms.subscription(recordId, caller._id)) return err(integrationErrors.incomingNotSubscribed());
  }
  const doc: Record<string, unknown> = {
    ...body,
    type: 'webhook-incoming',
    channel: channels,
    token: webhookToken(deps.random),
    userId: user._id,
    _createdAt: deps.now().toISOString(),
    _createdBy: { _id: caller._id, username: caller.username },
  };
  return ok({ doc, user });
}
