import { failure, meteorError, type Failure } from '../errors.ts';
import { escapeHtml } from '../rooms/room-name.ts';

/**
 * The error bodies of the room-settings routes (research notes issue 11 §1.1, §2, §3, §4), built
 * with the shared envelope helpers. Plain `API.v1.failure` strings carry no errorType; thrown
 * Meteor errors carry `errorType` and, when the vendor passed them, `details`.
 */

const SRS = { method: 'saveRoomSettings' } as const;

/** A `Meteor.Error(code)` without a reason: the message is only `[code]` (§1.2). */
function bareMeteorError(code: string): Failure {
  return { success: false, error: `[${code}]`, errorType: code };
}

export const settingsErrors = {
  // Route pre-checks of G7/G8 groups.* (§3): plain failures, checked before the room lookup.
  /** `The bodyParam "<param>" is required` (rename, setTopic, setDescription, setPurpose, …). */
  bodyParamRequired: (param: string) => failure(`The bodyParam "${param}" is required`),
  customFieldsRequired: () => failure('The bodyParam "customFields" is required with a type like object.'),
  sameReadOnly: () => failure('The private group read only setting is the same as what it would be changed to.'),
  sameType: () => failure('The private group type is the same as what it would be changed to.'),
  // findPrivateGroupByIdOrName with checkedArchived (§1.1).
  roomArchived: (name: string) => meteorError('error-room-archived', `The private group, ${name}, is archived`),
  // groups.close / groups.open (§4.3, §4.4; test T asserts the closed text).
  alreadyClosed: (name: string) => failure(`The private group, ${name}, is already closed to the sender`),
  alreadyOpen: (name: string) => failure(`The private group, ${name}, is already open for the sender`),
  // saveRoomSettings itself (SRS), in its check order (§2).
  invalidRoom: () => meteorError('error-invalid-room', 'Invalid room', SRS),
  invalidSettings: () => meteorError('error-invalid-settings', 'Invalid settings provided', SRS),
  editingNotAllowed: () => meteorError('error-action-not-allowed', 'Editing room is not allowed', { ...SRS, action: 'Editing_room' }),
  broadcastFlags: () =>
    meteorError('error-action-not-allowed', 'Editing readOnly/reactWhenReadOnly are not allowed for broadcast rooms', {
      ...SRS,
      action: 'Editing_room',
    }),
  // SRS validators.
  viewingAdministrationNotAllowed: () =>
    meteorError('error-action-not-allowed', 'Viewing room administration is not allowed', { ...SRS, action: 'Viewing_room_administration' }),
  toPublicNotAllowed: () =>
    meteorError('error-action-not-allowed', 'Changing a private group to a public channel is not allowed', { ...SRS, action: 'Change_Room_Type' }),
  toPrivateNotAllowed: () =>
    meteorError('error-action-not-allowed', 'Changing a public channel to a private room is not allowed', { ...SRS, action: 'Change_Room_Type' }),
  e2eNotAllowed: () =>
    meteorError('error-action-not-allowed', 'Only groups or direct channels can enable encryption', { ...SRS, action: 'Change_Room_Encrypted' }),
  toggleE2eNotAllowed: () =>
    meteorError('error-action-not-allowed', 'You do not have permission to toggle E2E encryption', { ...SRS, action: 'Change_Room_Encrypted' }),
  retentionNotAllowed: () =>
    meteorError('error-action-not-allowed', 'Editing room retention policy is not allowed', { ...SRS, action: 'Editing_room' }),
  avatarNotAllowed: () => meteorError('error-action-not-allowed', 'Editing a room avatar is not allowed', { ...SRS, action: 'Editing_room' }),
  sidepanelNotTeam: () => meteorError('error-action-not-allowed', 'Invalid room', SRS),
  sidepanelNotAllowed: () => meteorError('error-action-not-allowed', 'You do not have permission to change sidepanel items', SRS),
  invalidSidepanel: () => bareMeteorError('error-invalid-sidepanel'),
  // Savers (SRTY, SRCF, SRSM, VRN, SRN/checkUsernameAvailability).
  invalidRoomType: (type: unknown) =>
    meteorError('error-invalid-room-type', 'error-invalid-room-type', { function: 'RocketChat.saveRoomType', type }),
  invalidCustomFieldsType: () => meteorError('invalid-roomCustomFields-type', 'Invalid roomCustomFields type'),
  invalidSystemMessages: () => meteorError('invalid-room', 'Invalid option', { function: 'RocketChat.saveRoomSystemMessages' }),
  duplicateHandle: (handle: string) =>
    meteorError('error-duplicate-handle', `A room, team or user with name '${handle}' already exists`, {
      function: 'RocketChat.updateRoomName',
      handle,
    }),
  blockedUsername: (name: string) =>
    meteorError('error-blocked-username', `${escapeHtml(name)} is blocked and can't be used!`, { method: 'checkUsernameAvailability', field: name }),
  // executeArchiveRoom / executeUnarchiveRoom (ARC, UARC; OA/GEX show the archive body).
  notAuthorized: (method: 'archiveRoom' | 'unarchiveRoom') => meteorError('error-not-authorized', 'Not authorized', { method }),
} as const;
