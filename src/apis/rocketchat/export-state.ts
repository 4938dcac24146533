import { DEFAULT_PERMISSIONS } from './defaults/permissions.ts';
import { DEFAULT_ROLES } from './defaults/roles.ts';
import type { FixtureUser, RocketChatFixture } from './fixture-format.ts';
import type { StoredUser } from './model.ts';
import type { RocketChatStore } from './store/store.ts';

const DEFAULT_ROLE_IDS: ReadonlySet<string> = new Set(DEFAULT_ROLES.map((role) => role._id));

/**
 * A session's whole state in the `rocketchat.json` format (`GET /__admin/state`): users as they
 * are now, the roles beyond the defaults, every permission whose roles differ from its default,
 * changed settings, rooms with their counters and members, teams, and the tokens valid now.
 * Importing it gives back the same state.
 */
export function exportRocketChatState(store: RocketChatStore): RocketChatFixture {
  const permissions = store.authz
    .allPermissions()
    .filter((p) => {
      const defaults = DEFAULT_PERMISSIONS[p._id];
      return defaults === undefined || defaults.length !== p.roles.length || defaults.some((role, i) => p.roles[i] !== role);
    })
    .map((p) => ({ _id: p._id, roles: [...p.roles] }));
  const settings = store.settings.changes();
  const messages = store.rooms.all().flatMap((room) =>
    store.messages.ofRoom(room._id).map((m) => ({
      _id: m._id,
      rid: m.rid,
      msg: m.msg,
      ts: m.ts,
      u: { ...m.u },
      _updatedAt: m._updatedAt,
      ...(m.t === undefined ? {} : { t: m.t }),
      ...(Object.keys(m.extra).length === 0 ? {} : { extra: { ...m.extra } }),
    })),
  );
  const integrations = store.messages.integrations().map((doc) => ({ ...doc }));
  return {
    users: store.users.all().map(exportUser),
    ...(store.authz.allRoles().some((role) => !DEFAULT_ROLE_IDS.has(role._id))
      ? {
          roles: store.authz
            .allRoles()
            .filter((role) => !DEFAULT_ROLE_IDS.has(role._id))
            .map((role) => ({ _id: role._id, scope: role.scope, description: role.description })),
        }
      : {}),
    ...(permissions.length > 0 ? { permissions } : {}),
    ...(Object.keys(settings).length > 0 ? { settings } : {}),
    teams: store.teams.all().map((team) => ({
      _id: team._id,
      name: team.name,
      type: team.type,
      roomId: team.roomId,
      createdById: team.createdBy._id,
      createdAt: team.createdAt,
      members: [...team.members.values()].map((m) => ({ userId: m.userId, roles: [...m.roles] })),
    })),
    rooms: store.rooms.all().map((room) => ({
      _id: room._id,
      name: room.name,
      fname: room.fname,
      t: room.t,
      creatorId: room.u._id,
      ts: room.ts,
      ro: room.ro,
      ...(room.teamId === undefined ? {} : { teamId: room.teamId }),
      ...(room.teamMain === undefined ? {} : { teamMain: room.teamMain }),
      members: store.rooms.subscriptionsOf(room._id).map((sub) => ({
        userId: sub.userId,
        roles: [...sub.roles],
        ts: sub.ts,
        open: sub.open,
        alert: sub.alert,
        unread: sub.unread,
        userMentions: sub.userMentions,
        groupMentions: sub.groupMentions,
        ...(sub.ls === undefined ? {} : { ls: sub.ls }),
        _updatedAt: sub._updatedAt,
      })),
      msgs: room.msgs,
      _updatedAt: room._updatedAt,
      ...(room.customFields === undefined ? {} : { customFields: { ...room.customFields } }),
      // Every extra field as it is (settings, archived, lastMessage, …): `extra` takes it back unchanged.
      ...(room.extra.size === 0 ? {} : { extra: Object.fromEntries(room.extra) }),
    })),
    tokens: store.tokens.entries(),
    ...(messages.length === 0 ? {} : { messages }),
    ...(integrations.length === 0 ? {} : { integrations }),
  };
}

function exportUser(user: StoredUser): FixtureUser {
  return {
    _id: user._id,
    username: user.username,
    name: user.name,
    ...(user.password === undefined ? {} : { password: user.password }),
    emails: user.emails.map((e) => ({ ...e })),
    status: user.status,
    ...(user.statusDefault === undefined ? {} : { statusDefault: user.statusDefault }),
    ...(user.statusText === undefined ? {} : { statusText: user.statusText }),
    active: user.active,
    ...(user.utcOffset === undefined ? {} : { utcOffset: user.utcOffset }),
    roles: [...user.roles],
    type: user.type,
    createdAt: user.createdAt,
    _updatedAt: user._updatedAt,
    ...(Object.keys(user.preferences).length === 0 ? {} : { preferences: { ...user.preferences } }),
    ...(user.customFields === undefined ? {} : { customFields: { ...user.customFields } }),
    ...(user.bio === undefined ? {} : { bio: user.bio }),
    ...(user.nickname === undefined ? {} : { nickname: user.nickname }),
    ...(user.requirePasswordChange === undefined ? {} : { requirePasswordChange: user.requirePasswordChange }),
  };
}
