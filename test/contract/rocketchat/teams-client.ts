import { expect } from 'vitest';
import type { WireResponse } from '../../support/http.ts';
import { auth, bodyOf, createGroup, login, rc, roomName, type Schemas } from './rocketchat-client.ts';

/**
 * Helpers of the teams contract tests (teams.create, teams.info, teams.updateRoom,
 * groups.convertToTeam). Black box like the rest: HTTP, the generated types, `rc` for conformance.
 */

export type Team = Schemas['TeamsTeam'];

export const ADMIN_USERNAME = 'rocketchat.internal.admin.test';
export const TEAM_ID_PATTERN = /^[0-9a-f]{24}$/;

/** `{success:false, error}`: the Team service's plain errors and the routes' failures. */
export function plain(error: string): Schemas['Failure'] {
  return { success: false, error };
}

/** The route's `forbidden()`. */
export const FORBIDDEN = plain('unauthorized');
export const PERMISSIONS_REQUIRED = plain('User does not have the permissions required for this action [error-unauthorized]');

/** A team name no earlier run used (also a valid room name). */
export function teamName(prefix = 'team'): string {
  return roomName(prefix);
}

/** The admin's credentials (the vendor CI admin: password = username). */
export function admin(): Promise<Record<string, string>> {
  return login(ADMIN_USERNAME, ADMIN_USERNAME);
}

export function teamsCreate(json: unknown, headers = auth()): Promise<WireResponse> {
  return rc('teamsCreate', 'teams.create', { headers, json });
}

export function teamsInfo(query: Record<string, string>, headers = auth()): Promise<WireResponse> {
  return rc('teamsInfo', 'teams.info', { headers, query });
}

export function teamsUpdateRoom(json: unknown, headers = auth()): Promise<WireResponse> {
  return rc('teamsUpdateRoom', 'teams.updateRoom', { headers, json });
}

export function convertToTeam(json: unknown, headers = auth()): Promise<WireResponse> {
  return rc('groupsConvertToTeam', 'groups.convertToTeam', { headers, json });
}

/** teams.create that must succeed; answers the team. */
export async function createTeam(json: Record<string, unknown>, headers = auth()): Promise<Team> {
  const res = await teamsCreate(json, headers);
  expect(res.status, res.text).toBe(200);
  return bodyOf(res, 'TeamsCreateResponse').team;
}

/** A private group in a team (groups.create with `extraData.teamId`). */
export function createTeamGroup(teamId: string, name = roomName('tgroup'), headers = auth()): ReturnType<typeof createGroup> {
  return createGroup({ name, extraData: { teamId } }, headers);
}

// The vendor's header rules for route and middleware answers, shared by every client.
export { expectMiddlewareHeaders, expectRouteHeaders } from './rocketchat-client.ts';
