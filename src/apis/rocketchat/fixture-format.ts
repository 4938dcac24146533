import type { JSONSchemaType } from 'ajv';

/**
 * The format of `fixtures/<dir>/rocketchat.json`: users (with credentials and global permissions),
 * teams (with per-team permissions) and seeded rooms (with their members). See README.md.
 */

/** A seeded user. `password`/`authToken` are optional: a bot such as rocket.cat cannot log in. */
export interface FixtureUser {
  _id: string;
  username: string;
  name: string;
  /** Plain-text password for `POST /api/v1/login`. */
  password?: string;
  /** A login token that is valid from the start of every mock session (`X-Auth-Token`). */
  authToken?: string;
  email?: string;
  /** Presence: online, offline, away or busy. Default offline. */
  status?: string;
  /** Default true. Inactive users cannot authenticate and are not listed as members. */
  active?: boolean;
  utcOffset?: number;
  /** Global role names, shown by `me` (e.g. ["user"]). */
  roles: string[];
  /** Global permissions, the effective grants of the user's roles (e.g. "create-p"). */
  permissions: string[];
}

/** A team member and the permissions they hold inside the team (scope: the team's main room). */
export interface FixtureTeamMember {
  userId: string;
  permissions: string[];
}

/** A team, referenced by `extraData.teamId` in groups.create. */
export interface FixtureTeam {
  _id: string;
  name: string;
  /** `_id` of the team's main room, which must be a seeded room with `teamMain: true`. */
  mainRoomId: string;
  members: FixtureTeamMember[];
}

/** A subscription of a seeded room. `roles` may hold "owner" (grants the owner's room permissions). */
export interface FixtureRoomMember {
  userId: string;
  roles: string[];
}

/** A seeded room: a public channel (`c`) or a private group (`p`). */
export interface FixtureRoom {
  _id: string;
  name: string;
  /** Display name; defaults to `name`. */
  fname?: string;
  t: 'c' | 'p';
  /** `_id` of the creator (`u` of the room). */
  creatorId: string;
  /** Creation time, ISO 8601 UTC with `Z`; also the initial `_updatedAt`. */
  ts: string;
  ro?: boolean;
  broadcast?: boolean;
  teamId?: string;
  teamMain?: boolean;
  members: FixtureRoomMember[];
  /** State fields (written by `GET /__admin/state`, optional in hand-written fixtures). */
  msgs?: number;
  /** Last change, ISO 8601 UTC; defaults to `ts`. */
  _updatedAt?: string;
  customFields?: Record<string, unknown>;
  /** Keys copied from groups.create's `extraData` onto the room (broadcast, encrypted, topic, …). */
  extraData?: Record<string, unknown>;
}

/** A valid login token (state export: minted by login, or a fixture token not logged out). */
export interface FixtureToken {
  token: string;
  userId: string;
}

/** The whole file. */
export interface RocketChatFixture {
  /** Free text for people reading the file. */
  $comment?: string;
  users: FixtureUser[];
  teams: FixtureTeam[];
  rooms: FixtureRoom[];
  /** When present, exactly these tokens are valid (users' `authToken`s included or not). */
  tokens?: FixtureToken[];
}

const strings = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const id = { type: 'string', minLength: 1 } as const;

const userSchema: JSONSchemaType<FixtureUser> = {
  type: 'object',
  required: ['_id', 'username', 'name', 'roles', 'permissions'],
  additionalProperties: false,
  properties: {
    _id: id,
    username: { type: 'string', pattern: '^[0-9a-zA-Z-_.]+$' },
    name: { type: 'string' },
    password: { type: 'string', nullable: true },
    authToken: { type: 'string', minLength: 1, nullable: true },
    email: { type: 'string', nullable: true },
    status: { type: 'string', enum: ['online', 'offline', 'away', 'busy'], nullable: true },
    active: { type: 'boolean', nullable: true },
    utcOffset: { type: 'number', nullable: true },
    roles: strings,
    permissions: strings,
  },
};

const teamSchema: JSONSchemaType<FixtureTeam> = {
  type: 'object',
  required: ['_id', 'name', 'mainRoomId', 'members'],
  additionalProperties: false,
  properties: {
    _id: id,
    name: { type: 'string' },
    mainRoomId: id,
    members: {
      type: 'array',
      items: {
        type: 'object',
        required: ['userId', 'permissions'],
        additionalProperties: false,
        properties: { userId: id, permissions: strings },
      },
    },
  },
};

const roomSchema: JSONSchemaType<FixtureRoom> = {
  type: 'object',
  required: ['_id', 'name', 't', 'creatorId', 'ts', 'members'],
  additionalProperties: false,
  properties: {
    _id: id,
    name: { type: 'string', pattern: '^[0-9a-zA-Z-_.]+$' },
    fname: { type: 'string', nullable: true },
    t: { type: 'string', enum: ['c', 'p'] },
    creatorId: id,
    ts: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$' },
    ro: { type: 'boolean', nullable: true },
    broadcast: { type: 'boolean', nullable: true },
    teamId: { type: 'string', nullable: true },
    teamMain: { type: 'boolean', nullable: true },
    members: {
      type: 'array',
      items: {
        type: 'object',
        required: ['userId', 'roles'],
        additionalProperties: false,
        properties: { userId: id, roles: strings },
      },
    },
    msgs: { type: 'integer', minimum: 0, nullable: true },
    _updatedAt: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$', nullable: true },
    customFields: { type: 'object', nullable: true, required: [] },
    extraData: { type: 'object', nullable: true, required: [] },
  },
};

/** JSON Schema of rocketchat.json, checked by the core's `readFixtureFile`. */
export const fixtureSchema: JSONSchemaType<RocketChatFixture> = {
  type: 'object',
  required: ['users', 'teams', 'rooms'],
  additionalProperties: false,
  properties: {
    $comment: { type: 'string', nullable: true },
    users: { type: 'array', items: userSchema },
    teams: { type: 'array', items: teamSchema },
    rooms: { type: 'array', items: roomSchema },
    tokens: {
      type: 'array',
      nullable: true,
      items: { type: 'object', required: ['token', 'userId'], additionalProperties: false, properties: { token: id, userId: id } },
    },
  },
};
