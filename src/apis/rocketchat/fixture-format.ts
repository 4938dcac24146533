import type { JSONSchemaType } from 'ajv';

/**
 * The format of `fixtures/<dir>/rocketchat.json` (see README.md): a workspace as the vendor keeps
 * it. Users hold roles; roles hold permissions (the vendor's defaults, changed by `roles[]` and
 * `permissions[]`); settings override the registry's defaults; teams, rooms and their members.
 */

/** A seeded user. `password`/`authToken` are optional: a bot such as rocket.cat cannot log in. */
export interface FixtureUser {
  _id: string;
  username: string;
  name: string;
  /** Plain-text password for `POST /api/v1/login` (the SHA-256 digest form works too). */
  password?: string;
  /** A login token that is valid from the start of every mock session (`X-Auth-Token`). */
  authToken?: string;
  /** Shorthand for one verified address in `emails`. */
  email?: string;
  emails?: { address: string; verified: boolean }[];
  /** Presence: online, offline, away or busy. Default offline. */
  status?: string;
  statusDefault?: string;
  statusText?: string;
  /** Default true. Inactive users cannot log in or authenticate and are not listed as members. */
  active?: boolean;
  utcOffset?: number;
  /** Global roles: the vendor's (admin, user, bot, guest, …) or one of `roles[]`. */
  roles: string[];
  /** Default `user` (`bot` for rocket.cat). */
  type?: 'user' | 'bot' | 'app';
  /** ISO 8601 UTC; default 2024-01-01T00:00:00.000Z. */
  createdAt?: string;
  _updatedAt?: string;
  /** The user's own preferences, shown by `me` over the settings' defaults. */
  preferences?: Record<string, unknown>;
  customFields?: Record<string, unknown>;
  bio?: string;
  nickname?: string;
  requirePasswordChange?: boolean;
}

/** A role beyond the vendor's defaults, and the permissions granted to it. */
export interface FixtureRole {
  _id: string;
  scope: 'Users' | 'Subscriptions';
  description?: string;
  /** Permissions this role is added to (on top of the defaults). */
  permissions?: string[];
}

/** A permission whose roles differ from the vendor's default (replaces them, as permissions.update does). */
export interface FixturePermission {
  _id: string;
  roles: string[];
}

/** A team member and their team roles (`owner` for the creator). */
export interface FixtureTeamMember {
  userId: string;
  roles: string[];
}

/** A team; `roomId` is a seeded room with this `teamId` and `teamMain: true`. */
export interface FixtureTeam {
  _id: string;
  name: string;
  /** 0 public (default), 1 private. */
  type?: 0 | 1;
  roomId: string;
  createdById: string;
  createdAt?: string;
  members: FixtureTeamMember[];
}

/**
 * A subscription of a seeded room. `roles` may hold owner, moderator and leader. The other fields
 * are state (written by `GET /__admin/state`): when absent, the member joined at the room's `ts`
 * with the room open and nothing unread.
 */
export interface FixtureRoomMember {
  userId: string;
  roles: string[];
  ts?: string;
  open?: boolean;
  alert?: boolean;
  unread?: number;
  userMentions?: number;
  groupMentions?: number;
  ls?: string;
  _updatedAt?: string;
}

/** A message (state written by `GET /__admin/state`): the stored document, its other fields in `extra`. */
export interface FixtureMessage {
  _id: string;
  rid: string;
  msg: string;
  ts: string;
  u: { _id: string; username: string; name?: string };
  _updatedAt?: string;
  /** System message type (au, ru, r, …); absent for user messages. */
  t?: string;
  extra?: Record<string, unknown>;
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
  /** The workspace's default room (GENERAL): new users join it. */
  default?: boolean;
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
  /**
   * State (written by `GET /__admin/state`): every other field the room holds now — what
   * extraData copied and what groups.set*, archive, messages wrote (topic, archived, sysMes,
   * lastMessage, …). When present it replaces `extraData`, `broadcast` and `default`.
   */
  extra?: Record<string, unknown>;
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
  roles?: FixtureRole[];
  permissions?: FixturePermission[];
  /** Setting id → value, over the registry's defaults (src/apis/rocketchat/defaults/settings.ts). */
  settings?: Record<string, unknown>;
  teams: FixtureTeam[];
  rooms: FixtureRoom[];
  /** When present, exactly these tokens are valid (users' `authToken`s included or not). */
  tokens?: FixtureToken[];
  /** State: the rooms' messages, oldest first. */
  messages?: FixtureMessage[];
  /** State: integrations (integrations.create), as stored. */
  integrations?: Record<string, unknown>[];
}

const strings = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const id = { type: 'string', minLength: 1 } as const;
const isoTime = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$' } as const;
const freeObject = { type: 'object', nullable: true, required: [] } as const;

const userSchema: JSONSchemaType<FixtureUser> = {
  type: 'object',
  required: ['_id', 'username', 'name', 'roles'],
  additionalProperties: false,
  properties: {
    _id: id,
    username: { type: 'string', pattern: '^[0-9a-zA-Z-_.]+$' },
    name: { type: 'string' },
    password: { type: 'string', nullable: true },
    authToken: { type: 'string', minLength: 1, nullable: true },
    email: { type: 'string', nullable: true },
    emails: {
      type: 'array',
      nullable: true,
      items: { type: 'object', required: ['address', 'verified'], additionalProperties: false, properties: { address: { type: 'string', minLength: 3 }, verified: { type: 'boolean' } } },
    },
    status: { type: 'string', enum: ['online', 'offline', 'away', 'busy'], nullable: true },
    statusDefault: { type: 'string', enum: ['online', 'offline', 'away', 'busy'], nullable: true },
    statusText: { type: 'string', nullable: true },
    active: { type: 'boolean', nullable: true },
    utcOffset: { type: 'number', nullable: true },
    roles: strings,
    type: { type: 'string', enum: ['user', 'bot', 'app'], nullable: true },
    createdAt: { ...isoTime, nullable: true },
    _updatedAt: { ...isoTime, nullable: true },
    preferences: freeObject,
    customFields: freeObject,
    bio: { type: 'string', nullable: true },
    nickname: { type: 'string', nullable: true },
    requirePasswordChange: { type: 'boolean', nullable: true },
  },
};

const roleSchema: JSONSchemaType<FixtureRole> = {
  type: 'object',
  required: ['_id', 'scope'],
  additionalProperties: false,
  properties: {
    _id: { type: 'string', pattern: '^[0-9a-zA-Z-_.]+$' },
    scope: { type: 'string', enum: ['Users', 'Subscriptions'] },
    description: { type: 'string', nullable: true },
    permissions: { ...strings, nullable: true },
  },
};

const permissionSchema: JSONSchemaType<FixturePermission> = {
  type: 'object',
  required: ['_id', 'roles'],
  additionalProperties: false,
  properties: { _id: id, roles: { type: 'array', items: { type: 'string', minLength: 1 } } },
};

const teamSchema: JSONSchemaType<FixtureTeam> = {
  type: 'object',
  required: ['_id', 'name', 'roomId', 'createdById', 'members'],
  additionalProperties: false,
  properties: {
    _id: id,
    name: { type: 'string' },
    type: { type: 'integer', enum: [0, 1], nullable: true },
    roomId: id,
    createdById: id,
    createdAt: { ...isoTime, nullable: true },
    members: {
      type: 'array',
      items: { type: 'object', required: ['userId', 'roles'], additionalProperties: false, properties: { userId: id, roles: { type: 'array', items: { type: 'string', minLength: 1 } } } },
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
    ts: isoTime,
    ro: { type: 'boolean', nullable: true },
    broadcast: { type: 'boolean', nullable: true },
    default: { type: 'boolean', nullable: true },
    teamId: { type: 'string', nullable: true },
    teamMain: { type: 'boolean', nullable: true },
    members: {
      type: 'array',
      items: {
        type: 'object',
        required: ['userId', 'roles'],
        additionalProperties: false,
        properties: {
          userId: id,
          roles: { type: 'array', items: { type: 'string', minLength: 1 } },
          ts: { ...isoTime, nullable: true },
          open: { type: 'boolean', nullable: true },
          alert: { type: 'boolean', nullable: true },
          unread: { type: 'integer', minimum: 0, nullable: true },
          userMentions: { type: 'integer', minimum: 0, nullable: true },
          groupMentions: { type: 'integer', minimum: 0, nullable: true },
          ls: { ...isoTime, nullable: true },
          _updatedAt: { ...isoTime, nullable: true },
        },
      },
    },
    msgs: { type: 'integer', minimum: 0, nullable: true },
    _updatedAt: { ...isoTime, nullable: true },
    customFields: freeObject,
    extraData: freeObject,
    extra: freeObject,
  },
};

const messageSchema: JSONSchemaType<FixtureMessage> = {
  type: 'object',
  required: ['_id', 'rid', 'msg', 'ts', 'u'],
  additionalProperties: false,
  properties: {
    _id: id,
    rid: id,
    msg: { type: 'string' },
    ts: isoTime,
    u: {
      type: 'object',
      required: ['_id', 'username'],
      additionalProperties: false,
      properties: { _id: id, username: { type: 'string' }, name: { type: 'string', nullable: true } },
    },
    _updatedAt: { ...isoTime, nullable: true },
    t: { type: 'string', nullable: true },
    extra: freeObject,
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
    roles: { type: 'array', nullable: true, items: roleSchema },
    permissions: { type: 'array', nullable: true, items: permissionSchema },
    settings: freeObject,
    teams: { type: 'array', items: teamSchema },
    rooms: { type: 'array', items: roomSchema },
    tokens: {
      type: 'array',
      nullable: true,
      items: { type: 'object', required: ['token', 'userId'], additionalProperties: false, properties: { token: id, userId: id } },
    },
    messages: { type: 'array', nullable: true, items: messageSchema },
    // Any object; fixtures.ts checks each has a string `_id`.
    integrations: { type: 'array', nullable: true, items: { type: 'object', required: [] } },
  },
};
