import { failure, meteorError, type Failure } from '../errors.ts';

/**
 * The error bodies of the team routes. The Team service throws plain `Error`s, which the route
 * wrapper answers as `{success:false, error:"<code>"}` with no errorType (research notes issue 10
 * §7.1, issue 11 §1.2, §4.5, §4.6; `apps/meteor/server/services/team/service.ts`).
 */
export const teamsErrors = {
  // Team.create (TSVC).
  teamNameTaken: () => failure('team-name-already-exists'),
  roomNameTaken: () => failure('room-name-already-exists'),
  invalidUser: () => failure('invalid-user'),
  /** Anything failing while the main room, the team or its members are written. */
  creationFailed: () => failure('error-team-creation'),
  /**
   * checkUsernameAvailability: a blocked handle is a Meteor error thrown before Team.create's
   * try block, so it keeps its code, reason and details. The name is escaped by underscore's
   * `_.escape` (`apps/meteor/app/lib/server/functions/checkUsernameAvailability.ts`).
   */
  blockedName: (name: string) =>
    meteorError('error-blocked-username', `${underscoreEscape(name)} is blocked and can't be used!`, {
      method: 'checkUsernameAvailability',
      field: name,
    }),
  /** teams.create's route: `sidepanel.items` that isValidSidepanel rejects. */
  invalidSidepanel: () => failure('error-invalid-sidepanel'),
  // teams.info (TEAMN).
  teamNotFound: () => failure('Team not found'),
  mainRoomNotFound: () => failure('Room not found'),
  /** The http-router's answer to a query that fails the route's schema (HR): no suffix. */
  invalidQueryParams: (messages: string): Failure => ({ success: false, errorType: 'error-invalid-params', error: messages }),
  // teams.updateRoom: Team.getOneByRoomId, the route, Team.updateRoom.
  invalidRoom: () => failure('invalid-room'),
  roomNotOnTeam: () => failure('room-not-on-team'),
  teamDoesNotExist: () => failure('team-does-not-exist'),
  // groups.convertToTeam (G8).
  convertParamRequired: () => failure('The parameter "roomId" or "roomName" is required'),
  groupArchived: (name: string) => meteorError('error-room-archived', `The private group, ${name}, is archived`),
} as const;

const UNDERSCORE_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#x27;'],
  ['`', '&#x60;'],
]);

/** underscore's `_.escape`. */
export function underscoreEscape(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => UNDERSCORE_ENTITIES.get(char) ?? char);
}
