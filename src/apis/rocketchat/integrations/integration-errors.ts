import { failure, meteorError, type Failure } from '../errors.ts';

/**
 * The error bodies of integrations.create and users.logout (research notes issue 11 §7; AII
 * `addIncomingIntegration.ts` @2b26af27, VOI `validateOutgoingIntegration.ts` @c75c3f96, U8).
 */
const incoming = { method: 'addIncomingIntegration' } as const;
const required = { function: 'validateOutgoing._verifyRequiredFields' } as const;
const outgoing = { function: 'validateOutgoing' } as const;
const channels = { function: 'validateOutgoing._verifyUserHasPermissionForChannels' } as const;

export const integrationErrors = {
  /** Meteor's `check(…, Match.ObjectIncluding)` without a required key ([inferred] wording). */
  missingKey: (key: string): Failure => failure(`Match error: Missing key '${key}'`),
  invalidType: (): Failure => failure('Invalid integration type.'),
  incomingUnauthorized: () => meteorError('not_authorized', 'Unauthorized', incoming),
  /** `Meteor.Error('not_authorized')` without a reason (AOI). */
  outgoingUnauthorized: (): Failure => ({ success: false, error: '[not_authorized]', errorType: 'not_authorized' }),
  incomingInvalidChannel: () => meteorError('error-invalid-channel', 'Invalid channel', incoming),
  /** AII names the update method here, as the vendor does. */
  incomingChannelStart: () => meteorError('error-invalid-channel-start-with-chars', 'Invalid channel. Start with @ or #', { method: 'updateIncomingIntegration' }),
  incomingInvalidUsername: () => meteorError('error-invalid-username', 'Invalid username', incoming),
  incomingInvalidUser: () => meteorError('error-invalid-user', 'Invalid user', incoming),
  incomingInvalidRoom: () => meteorError('error-invalid-room', 'Invalid room', incoming),
  incomingNotSubscribed: () => meteorError('error-invalid-channel', 'Invalid Channel', incoming),
  invalidEvent: () => meteorError('error-invalid-event-type', 'Invalid event type', required),
  outgoingInvalidUsername: () => meteorError('error-invalid-username', 'Invalid username', required),
  invalidTargetRoom: () => meteorError('error-invalid-targetRoom', 'Invalid Target Room', required),
  invalidUrls: () => meteorError('error-invalid-urls', 'Invalid URLs', required),
  outgoingInvalidChannel: () => meteorError('error-invalid-channel', 'Invalid Channel', outgoing),
  outgoingChannelStart: () => meteorError('error-invalid-channel-start-with-chars', 'Invalid channel. Start with @ or #', outgoing),
  invalidPermissions: () => meteorError('error-invalid-permissions', 'Invalid permission for required Integration creation.', outgoing),
  outgoingInvalidUser: () => meteorError('error-invalid-user', 'Invalid user (did you delete the `rocket.cat` user?)', outgoing),
  outgoingInvalidRoom: () => meteorError('error-invalid-room', 'Invalid room', channels),
  outgoingNotSubscribed: () => meteorError('error-invalid-channel', 'Invalid Channel', channels),
} as const;
