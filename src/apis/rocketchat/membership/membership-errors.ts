import { failure, meteorError, type Failure } from '../errors.ts';

/**
 * The error bodies of the membership and room-role routes (research notes issue 11 §5, §C), built
 * with the shared envelope helpers. Each entry names the vendor file whose text it carries.
 */

/** The Meteor methods whose name the vendor puts in `details.method`. */
export type RoleMethod = 'addRoomOwner' | 'addRoomModerator' | 'addRoomLeader' | 'removeRoomOwner' | 'removeRoomModerator' | 'removeRoomLeader';

const LAST_OWNER = 'You are the last owner. Please set new owner before leaving the room.';

export const membershipErrors = {
  // getUserFromParams (apps/meteor/server/api/lib/getUserFromParams.ts).
  userParamNotProvided: (): Failure =>
    meteorError('error-user-param-not-provided', 'The required "userId" or "username" param was not provided'),
  invalidUser: (): Failure =>
    meteorError('error-invalid-user', 'The required "userId" or "username" param provided does not match any users'),
  /** findPrivateGroupByIdOrName with checkedArchived (G8): `fname` for discussions, else `name`. */
  roomArchived: (name: string): Failure => meteorError('error-room-archived', `The private group, ${name}, is archived`),
  // removeUserFromRoomMethod (apps/meteor/server/methods/removeUserFromRoom.ts) and leaveRoomMethod.
  notAllowed: (method: RoleMethod | 'removeUserFromRoom' | 'leaveRoom'): Failure => meteorError('error-not-allowed', 'Not allowed', { method }),
  userNotInRoom: (method: RoleMethod | 'removeUserFromRoom'): Failure => meteorError('error-user-not-in-room', 'User is not in this room', { method }),
  /** leaveRoomMethod's own wording for a caller without a subscription. */
  callerNotInRoom: (): Failure => meteorError('error-user-not-in-room', 'You are not in this room', { method: 'leaveRoom' }),
  lastOwner: (method: 'removeUserFromRoom' | 'leaveRoom'): Failure => meteorError('error-you-are-last-owner', LAST_OWNER, { method }),
  // The room-role methods (apps/meteor/server/methods/{add,remove}Room{Owner,Moderator,Leader}.ts).
  invalidRoom: (method: RoleMethod): Failure => meteorError('error-invalid-room', 'Invalid room', { method }),
  alreadyHasRole: (role: string, method: RoleMethod): Failure =>
    meteorError(`error-user-already-${role}`, `User is already ${role === 'owner' ? 'an' : 'a'} ${role}`, { method }),
  lacksRole: (role: string, method: RoleMethod): Failure =>
    meteorError(`error-user-not-${role}`, `User is not ${role === 'owner' ? 'an' : 'a'} ${role}`, { method }),
  removeLastOwner: (): Failure =>
    meteorError('error-remove-last-owner', 'This is the last owner. Please set a new owner before removing this one.', { method: 'removeRoomOwner' }),
  // groups.online (G8): plain failures, then a Meteor error without details.
  invalidQuery: (): Failure => failure('Invalid query'),
  groupDoesNotExist: (): Failure => failure('Group does not exists'),
  onlineNotAllowed: (): Failure => meteorError('error-not-allowed', 'Not Allowed'),
  // users.setStatus (apps/meteor/server/api/v1/users.ts, 8.x).
  changeStatusNotAllowed: (): Failure => meteorError('error-not-allowed', 'Change status is not allowed', { method: 'users.setStatus' }),
  invalidExpiresAt: (): Failure => meteorError('error-invalid-date', 'Invalid expiresAt date string', { method: 'users.setStatus' }),
  pastExpiresAt: (): Failure => meteorError('error-invalid-date', 'expiresAt must be a future date', { method: 'users.setStatus' }),
  invisibleDisabled: (): Failure => meteorError('error-status-not-allowed', 'Invisible status is disabled', { method: 'users.setStatus' }),
  /** A failed top-level Match.OneOf / Match.Maybe; `field` is the path Meteor appends. */
  matchOneOf: (field?: string): Failure =>
    failure(`Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation${field === undefined ? '' : ` in field ${field}`}`),
  /**
   * The 8.x router's typed query check (packages/http-router): `errorType` before `error`, no
   * ` [error-invalid-params]` suffix (research notes issue 10 §1.1).
   */
  invalidQueryParams: (message: string): Failure => ({ success: false, errorType: 'error-invalid-params', error: message }),
  // subscriptions.getOne (apps/meteor/server/api/v1/subscriptions.ts).
  roomIdRequired: (): Failure => failure("The 'roomId' param is required"),
} as const;
