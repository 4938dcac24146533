import type { JsonResponse } from '../../core/types.ts';
import type { components } from '../../generated/rocketchat.ts';

/**
 * Every Rocket.Chat error body the twin sends, in one catalog. Shapes come from the vendor's
 * API class (research/rocketchat.md §2.1, AC/AR), the strings from §2.2, §4, §5.1 and §5.2.
 */

/** `{success:false, error, errorType?, details?}`: the vendor's 400/403/413 envelope. */
export type Failure = components['schemas']['Failure'];
/** The 401 body of authenticated routes (§5.1). */
export type Unauthorized = components['schemas']['Unauthorized'];
/** The 401 body of a failed login (§5.1; research notes issue 10 §2.3). */
export type LoginFailure = components['schemas']['LoginFailure'];

/**
 * Which 401 body to send: the 7.x/8.x merged body (default: what a current server sends, AH) or
 * OA's documented `{status, message}` (≤6.x Restivus).
 */
export type UnauthorizedStyle = 'documented' | 'merged';

/** `API.v1.failure(message)` → `{success:false, error}` (§2.1). `stack` only in TEST_MODE, so never. */
export function failure(error: string): Failure {
  return { success: false, error };
}

/**
 * A thrown `Meteor.Error(code, reason, details)` as the route wrapper answers it (§2.1):
 * `error` is `"<reason> [<code>]"`, `errorType` the code, `details` only when the error had some.
 */
export function meteorError(code: string, reason: string, details?: Readonly<Record<string, unknown>>): Failure {
  const body: Failure = { success: false, error: `${reason} [${code}]`, errorType: code };
  if (details !== undefined) body.details = { ...details };
  return body;
}

const NOT_LOGGED_IN = 'You must be logged in to do this.';

/** The catalog. Each entry names the research section its text comes from. */
export const rcErrors = {
  // groups.create hand-written checks, §2.2 items 2–5 (G7/G8 route).
  nameRequired: () => failure('Body param "name" is required'),
  membersNotArray: () => failure('Body param "members" must be an array if provided'),
  customFieldsNotObject: () => failure('Body param "customFields" must be an object if provided'),
  extraDataNotObject: () => failure('Body param "extraData" must be an object if provided'),
  /** Meteor `check` failure (§2.2 item 6): a Match.Error has no `.error` code, so no errorType. */
  matchError: (message: string) => failure(`Match error: ${message}`),
  // createPrivateGroupMethod (CPG), §2.2 items 7–8.
  teamNotFound: () =>
    meteorError('error-team-not-found', 'The "teamId" param provided does not match any team', { method: 'createPrivateGroup' }),
  /** `Not allowed [error-not-allowed]` with the Meteor method that refused (§2.2 item 8, §4). */
  notAllowed: (method: 'createPrivateGroup' | 'addUsersToRoom' | 'eraseRoom') =>
    meteorError('error-not-allowed', 'Not allowed', { method }),
  // createRoom (CR), §2.2 items 9–10. The federation details are modelled.
  federationNotAuthorized: () =>
    meteorError('error-not-authorized-federation', 'Not authorized to access federation', { method: 'createRoom' }),
  invalidName: () => meteorError('error-invalid-name', 'Invalid name', { function: 'RocketChat.createRoom' }),
  // getValidRoomName (VRN), §2.2 items 11–12. `escapedName` is already HTML-escaped (room-name.ts).
  invalidRoomName: (escapedName: string) =>
    meteorError('error-invalid-room-name', `${escapedName} is not a valid room name.`, {
      function: 'RocketChat.getValidRoomName',
      channel_name: escapedName,
    }),
  duplicateName: (name: string) =>
    meteorError('error-duplicate-channel-name', `A channel with name '${name}' exists`, {
      function: 'RocketChat.getValidRoomName',
      channel_name: name,
    }),
  /** VRN: the name belongs to an archived room; `escapedName` is already HTML-escaped. */
  archivedDuplicateName: (escapedName: string) =>
    meteorError('error-archived-duplicate-name', `There's an archived channel with name ${escapedName}`, {
      function: 'RocketChat.getValidRoomName',
      channel_name: escapedName,
    }),
  /** Twin safety cap, no vendor equivalent (modelled; spec example `roomLimitReached`). */
  roomLimitReached: (limit: number) =>
    meteorError('error-twin-room-limit', `This mock session holds the maximum of ${limit} rooms`),
  // Route-level `permissionsRequired` (PMN, research notes issue 10 §1.9): 403, answered by a middleware.
  permissionsRequired: () => failure('User does not have the permissions required for this action [error-unauthorized]'),
  /** Router ajv failure on a typed route (HR): no ` [invalid-params]` suffix, errorType first. */
  invalidParamsTyped: (messages: string) => ({ success: false as const, errorType: 'invalid-params', error: messages }),
  /** Legacy `validateParams` failure (AC): the Meteor error form, with the suffix. */
  invalidParams: (messages: string) => meteorError('invalid-params', messages),
  /** Twin byte budget per session, no vendor equivalent (modelled; spec example `sessionFull`). */
  sessionFull: (limit: number) =>
    meteorError(
      'error-twin-session-full',
      `This mock session holds the maximum of ${limit} bytes of stored documents; delete some, reset the session, or raise --max-session-bytes`,
    ),
  // findPrivateGroupByIdOrName and friends, §4.
  roomParamNotProvided: () =>
    meteorError('error-room-param-not-provided', 'The parameter "roomId" or "roomName" is required'),
  roomNotFound: () =>
    meteorError('error-room-not-found', 'The required "roomId" or "roomName" param provided does not match any group'),
  usersParamsNotProvided: () =>
    meteorError(
      'error-users-params-not-provided',
      'Please provide "userId" or "username" or "userIds" or "usernames" as param',
    ),
  emptyInviteList: () => meteorError('error-empty-invite-list', 'Cannot invite if no valid users are provided'),
  /** parseJsonQuery (§5.2): the raw parameter is quoted back verbatim. */
  invalidSort: (raw: string) =>
    meteorError('error-invalid-sort', `Invalid sort parameter provided: "${raw}"`, { helperMethod: 'parseJsonQuery' }),
  /** `API.v1.forbidden()` with no argument: 403 `{success:false, error:"unauthorized"}` (§2.1, §4). */
  forbidden: () => failure('unauthorized'),
  /** `API.v1.internalError()`: an exception the route did not map (AC). */
  internalError: () => failure('Internal server error'),
  /** Body over the size limit: modelled in the vendor envelope (413). */
  payloadTooLarge: () => failure('Request entity too large'),
} as const;

/** The 401 body of an authenticated route (§5.1): 7.x/8.x merged (AH) or documented (OA, Restivus). */
export function unauthorizedBody(style: UnauthorizedStyle): Unauthorized {
  return style === 'merged'
    ? { success: false, error: NOT_LOGGED_IN, status: 'error', message: NOT_LOGGED_IN }
    : { status: 'error', message: NOT_LOGGED_IN };
}

/**
 * 401 for a failed login (AC's catch block; research notes issue 10 §2.3): `unauthorized()` merged
 * with the Meteor error. Every error of a login handler is masked as `User not found`, which
 * becomes `Unauthorized`; errors of `validateLoginAttempt` (deactivated user, no roles) keep their
 * code, message and details.
 */
export function loginFailedBody(): LoginFailure {
  return { success: false, error: 'Unauthorized', status: 'error', message: 'Unauthorized' };
}

/** A `validateLoginAttempt` refusal, after the handler accepted the credentials. */
export function loginRefusedBody(code: string, message: string): LoginFailure {
  return { success: false, error: code, status: 'error', details: { function: 'Accounts.validateLoginAttempt' }, message };
}

/** The 413 answer the core sends for a body over the limit. */
export function payloadTooLargeResponse(): JsonResponse {
  return { status: 413, body: rcErrors.payloadTooLarge() };
}
