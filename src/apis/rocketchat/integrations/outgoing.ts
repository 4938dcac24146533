import type { Deps } from '../../../core/types.ts';
import type { StoredUser } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { integrationErrors } from './integration-errors.ts';

/** `outgoingEvents[event].use` (the vendor's outgoing events table). */
const EVENTS: Readonly<Record<string, { readonly channel: boolean; readonly triggerWords: boolean; readonly targetRoom: boolean }>> = {
  sendMessage: { channel: true, triggerWords: true, targetRoom: false },
  fileUploaded: { channel: true, triggerWords: false, targetRoom: false },
  roomArchived: { channel: false, triggerWords: false, targetRoom: false },
  roomCreated: { channel: false, triggerWords: false, targetRoom: false },
  roomJoined: { channel: true, triggerWords: false, targetRoom: false },
  roomLeft: { channel: true, triggerWords: false, targetRoom: false },
  userCreated: { channel: false, triggerWords: false, targetRoom: true },
};

const SCOPED = ['all_public_channels', 'all_private_groups', 'all_direct_messages'];

function blank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/**
 * `addOutgoingIntegration` → `validateOutgoingIntegration` (AOI @228b12d3, VOI @c75c3f96; research
 * notes issue 11 §7.1), after the route's schema: `manage-outgoing-integrations` or
 * `manage-own-outgoing-integrations` → event → username → `targetRoom` when the event needs one →
 * `urls` (blank ones dropped, one must remain) → channels (a blank `channel` counts as none; each
 * starts with `@`/`#` or is a scoped value; events without channels need
 * `manage-outgoing-integrations`) → the user → the channels' rooms and the caller's right to them →
 * retry defaults. The document: the body with `channel` as a list, `userId`, `_createdAt`,
 * `_createdBy`; `triggerWords` only for events that use them; `runOnEdits` a boolean. Modelled:
 * scripts are stored, not compiled.
 */
export function outgoingIntegration(store: RocketChatStore, deps: Deps, caller: StoredUser, body: Readonly<Record<string, unknown>>): Result<Record<string, unknown>> {
  const manageAll = store.authz.hasPermission(caller, 'manage-outgoing-integrations');
  if (!manageAll && !store.authz.hasPermission(caller, 'manage-own-outgoing-integrations')) return err(integrationErrors.outgoingUnauthorized());
  const event = typeof body.event === 'string' ? body.event : '';
  const use = Object.hasOwn(EVENTS, event) ? EVENTS[event] : undefined;
  if (!use) return err(integrationErrors.invalidEvent());
  if (blank(body.username)) return err(integrationErrors.outgoingInvalidUsername());
  if (use.targetRoom && !body.targetRoom) return err(integrationErrors.invalidTargetRoom());
  const urls = Array.isArray(body.urls) ? body.urls.filter((url): url is string => typeof url === 'string' && url.trim() !== '') : [];
  if (urls.length === 0) return err(integrationErrors.invalidUrls());
  let channels: string[] = [];
  if (use.channel) {
    if (blank(body.channel)) return err(integrationErrors.outgoingInvalidChannel());
    channels = String(body.channel).split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
    if (channels.some((entry) => !['@', '#'].includes(entry.charAt(0)) && !SCOPED.includes(entry.toLowerCase()))) return err(integrationErrors.outgoingChannelStart());
  } else if (!manageAll) {
    return err(integrationErrors.invalidPermissions());
  }
  const user = store.users.byUsername(String(body.username));
  if (!user) return err(integrationErrors.outgoingInvalidUser());
  const refused = channelRights(store, caller, channels, manageAll);
  if (refused) return err(refused);
  const doc: Record<string, unknown> = {
    ...body,
    urls,
    type: 'webhook-outgoing',
    channel: channels,
    userId: user._id,
    _createdAt: deps.now().toISOString(),
    _createdBy: { _id: caller._id, username: caller.username },
  };
  const triggerWords = body.triggerWords;
  if (use.triggerWords && Array.isArray(triggerWords)) doc.triggerWords = triggerWords.filter((word) => typeof word === 'string' && word.trim() !== '');
  else delete doc.triggerWords;
  if (body.runOnEdits !== undefined) doc.runOnEdits = body.runOnEdits === true;
  if (body.retryFailedCalls) {
    const count = typeof body.retryCount === 'number' ? Math.trunc(body.retryCount) : Number.NaN;
    doc.retryCount = count > 0 ? count : 4;
    doc.retryDelay = blank(body.retryDelay) ? 'powers-of-ten' : String(body.retryDelay).toLowerCase();
  }
  return ok(doc);
}

/** `_verifyUserHasPermissionForChannels`: scoped values, then each `#room`/`@user` and the caller's right to it. */
function channelRights(store: RocketChatStore, caller: StoredUser, channels: readonly string[], manageAll: boolean) {
  const both = manageAll && store.authz.hasPermission(caller, 'manage-own-outgoing-integrations');
  for (const channel of channels) {
    if (SCOPED.includes(channel)) {
      if (channel !== 'all_public_channels' && !manageAll) return integrationErrors.outgoingNotSubscribed();
      continue;
    }
    const name = channel.slice(1);
    const recordId = channel.startsWith('#')
      ? (store.rooms.room(name) ?? store.rooms.roomByName(name))?._id
      : channel.startsWith('@')
        ? (store.users.byUserId(name) ?? store.users.byUsername(name))?._id
        : undefined;
    if (recordId === undefined) return integrationErrors.outgoingInvalidRoom();
    if (!both && !store.rooms.subscription(recordId, caller._id)) return integrationErrors.outgoingNotSubscribed();
  }
  return undefined;
}
