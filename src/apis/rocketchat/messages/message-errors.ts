import { failure, meteorError, rcErrors, type Failure } from '../errors.ts';
import { joinLegacy, joinTyped } from './params-schema.ts';

/**
 * The error bodies of the message routes (research notes issue 11 §6; the vendor files named per
 * entry). Plain `Error`s and `API.v1.failure(text)` give `{success:false, error}`; Meteor errors
 * add `errorType` and `details` (errors.ts).
 */
export const messageErrors = {
  /** Router ajv failure of a typed route's body (HR: errorType first, messages on lines). */
  invalidBody: (messages: readonly string[]): Failure => rcErrors.invalidParamsTyped(joinTyped(messages)),
  /** Legacy `validateParams` failure (AC: Meteor error, messages joined by newline and space). */
  invalidQuery: (messages: readonly string[]): Failure => rcErrors.invalidParams(joinLegacy(messages)),
  // chat.sendMessage (CH8) and executeSendMessage (ESM).
  systemMessage: () => failure("Cannot send system messages using 'chat.sendMessage'"),
  tshowWithoutTmid: () => meteorError('invalid-params', 'tshow provided but missing tmid', { method: 'sendMessage' }),
  threadsDisabled: () => meteorError('error-not-allowed', 'not-allowed', { method: 'sendMessage' }),
  tsOutOfSync: (messageTs: unknown, serverTs: number) =>
    meteorError('error-message-ts-out-of-sync', 'Message timestamp is out of sync', { method: 'sendMessage', message_ts: messageTs, server_ts: serverTs }),
  sizeExceeded: () => meteorError('error-message-size-exceeded', 'Message size exceeds Message_MaxAllowedSize', { method: 'sendMessage' }),
  ridMissing: () => failure("The 'rid' property on the message object is missing."),
  /** The vendor's normalizer reads `.starred` of the missing result of a duplicate `_id` ([inferred]). */
  duplicateId: () => failure("Cannot read properties of undefined (reading 'starred')"),
  unencrypted: () => meteorError('error-not-allowed', 'Not allowed to send un-encrypted messages in an encrypted room', { method: 'sendMessage' }),
  // canSendMessage / validateRoomMessagePermissions (CSM): plain Errors.
  invalidRoom: () => failure('error-invalid-room'),
  roomArchived: () => failure('room_is_archived'),
  sendNotAllowed: () => failure('error-not-allowed'),
  readOnly: () => failure("You can't send messages because the room is readonly."),
  muted: () => failure('You_have_been_muted'),
  // validateMessage (SMF).
  matchError: (message: string) => failure(`Match error: ${message}`),
  invalidHref: () => failure('Invalid href value provided'),
  notEnoughPermission: () => failure('Not enough permission'),
  customFieldsDisabled: () => failure('Custom fields not enabled'),
  // chat.postMessage (CH8, PWM).
  postSizeExceeded: () => failure('error-message-size-exceeded'),
  unknownError: () => failure('unknown-error'),
  /** `Meteor.Error('invalid-channel')` without a reason: `"[invalid-channel]"` (AC, CHEX). */
  invalidChannel: (): Failure => ({ success: false, error: '[invalid-channel]', errorType: 'invalid-channel' }),
  // groups.messages (findPrivateGroupByIdOrName).
  groupArchived: (name: string) => meteorError('error-room-archived', `The private group, ${name}, is archived`),
  // chat.pinMessage / starMessage / react (CH8, PIN, STAR, REACT).
  messageNotFound: () => meteorError('error-message-not-found', 'The provided "messageId" does not match any existing message.'),
  pinningDisabled: () => meteorError('error-action-not-allowed', 'Message pinning not allowed', { method: 'pinMessage', action: 'Message_pinning' }),
  notAuthorized: (method: 'pinMessage' | 'setReaction') => meteorError('not-authorized', 'Not Authorized', { method }),
  starringDisabled: () => meteorError('error-action-not-allowed', 'Message starring not allowed', { method: 'starMessage', action: 'Message_starring' }),
  emojiMissing: () => meteorError('error-emoji-param-not-provided', 'The required "emoji" param is missing.'),
  invalidEmoji: () => meteorError('error-not-allowed', 'Invalid emoji provided.', { method: 'setReaction' }),
  reactNotAllowed: () => meteorError('error-not-allowed', 'Not allowed', { method: 'setReaction' }),
  /** setReaction's muted check: the English text of `You_have_been_muted` ([inferred]). */
  reactMuted: (rid: string) => meteorError('error-not-allowed', 'You have been muted and cannot speak in this room', { rid }),
  // chat.delete (CH8, DEL, CDM).
  noMessageFound: (msgId: string) => failure(`No message found with the id of "${msgId}".`),
  roomMismatch: () => failure('The room id provided does not match where the message is from.'),
  forceDeleteRequired: () => failure('Unauthorized. You must have the permission "force-delete-message" to delete other\'s message as them.'),
  userNotFound: () => failure('User not found'),
  deleteNotAllowed: () => meteorError('error-action-not-allowed', 'Not allowed'),
  deleteReadOnly: () => failure("You can't delete messages because the room is readonly."),
} as const;
