import type { Meter } from '../../core/byte-budget.ts';
import { DEFAULT_PERMISSIONS } from './defaults/permissions.ts';
import { DEFAULT_ROLES } from './defaults/roles.ts';
import type { FixtureUser, RocketChatFixture } from './fixture-format.ts';
import type { StoredUser } from './model.ts';
import { derivedId } from './random-id.ts';
import { customFieldsOf, extraFields } from './rooms/create-group.ts';
import { RocketChatStore, type StoreLimits } from './store/store.ts';

/** When fixtures say nothing: the vendor test server's fresh install (modelled). */
export const SEED_TIME = '2024-01-01T00:00:00.000Z';

/**
 * Builds a fresh store from a validated fixture. Every call returns independent state, so each
 * mock session starts from the same seed (DESIGN.md §1 step 2). Order: roles, permissions
 * (defaults, then role grants, then overrides), settings, users and tokens, rooms, teams.
 */
export function seedStore(fixture: RocketChatFixture, meter?: Meter, limits?: StoreLimits): RocketChatStore {
  const store = new RocketChatStore(limits, meter);
  for (const role of DEFAULT_ROLES) store.authz.addRole(role);
  for (const role of fixture.roles ?? []) {
    store.authz.addRole({ _id: role._id, name: role._id, scope: role.scope, description: role.description ?? '', protected: false });
  }
  for (const [id, roles] of Object.entries(DEFAULT_PERMISSIONS)) store.authz.setPermission(id, roles, SEED_TIME);
  for (const role of fixture.roles ?? []) {
    for (const id of role.permissions ?? []) store.authz.setPermission(id, [...(store.authz.permission(id)?.roles ?? []), role._id], SEED_TIME);
  }
  for (const { _id, roles } of fixture.permissions ?? []) store.authz.setPermission(_id, roles, SEED_TIME);
  for (const [id, value] of Object.entries(fixture.settings ?? {})) store.settings.set(id, value);
  for (const u of fixture.users) {
    store.users.add(toStoredUser(u));
    if (u.authToken !== undefined) store.tokens.add(u.authToken, u._id);
  }
  for (const r of fixture.rooms) {
    const creator = store.users.byUserId(r.creatorId);
    // fixtures.ts checked every reference; a miss here is a bug.
    if (!creator) throw new Error(`fixture room ${r._id}: unknown creator ${r.creatorId}`);
    // Exported state carries every extra field as it is; a hand-written fixture's extraData is
    // filtered exactly as groups.create filters it.
    const extra = r.extra === undefined ? new Map(extraFields(r.extraData)) : new Map(Object.entries(r.extra));
    if (r.extra === undefined && r.broadcast !== undefined) extra.set('broadcast', r.broadcast);
    if (r.extra === undefined && r.default !== undefined) extra.set('default', r.default);
    store.rooms.insert({
      _id: r._id,
      name: r.name,
      fname: r.fname ?? r.name,
      t: r.t,
      msgs: r.msgs ?? 0,
      usersCount: 0,
      u: store.rooms.ownerOf(creator),
      ts: r.ts,
      ro: r.ro === true || r.broadcast === true,
      _updatedAt: r._updatedAt ?? r.ts,
      customFields: customFieldsOf(r.customFields),
      teamId: r.teamId,
      teamMain: r.teamMain,
      extra,
    });
    for (const m of r.members) {
      const sub = store.rooms.subscribe(r._id, m.userId, {
        roles: m.roles,
        ts: m.ts ?? r.ts,
        _id: derivedId(`${r._id}:${m.userId}`),
        open: m.open ?? true,
        alert: m.alert ?? false,
        unread: m.unread ?? 0,
        userMentions: m.userMentions ?? 0,
      });
      if (sub) {
        sub.groupMentions = m.groupMentions ?? 0;
        sub.ls = m.ls;
        sub._updatedAt = m._updatedAt ?? sub._updatedAt;
      }
    }
  }
  for (const t of fixture.teams) {
    const creator = store.users.byUserId(t.createdById);
    if (!creator) throw new Error(`fixture team ${t._id}: unknown creator ${t.createdById}`);
    const createdAt = t.createdAt ?? SEED_TIME;
    const createdBy = { _id: creator._id, username: creator.username };
    store.teams.add({
      _id: t._id,
      name: t.name,
      type: t.type ?? 0,
      roomId: t.roomId,
      createdAt,
      createdBy,
      _updatedAt: createdAt,
      members: new Map(t.members.map((m) => [m.userId, { userId: m.userId, roles: [...m.roles], createdAt, createdBy }] as const)),
    });
  }
  if (fixture.tokens !== undefined) store.tokens.replace(fixture.tokens);
  for (const m of fixture.messages ?? []) {
    store.messages.insert({ _id: m._id, rid: m.rid, msg: m.msg, ts: m.ts, u: { ...m.u }, _updatedAt: m._updatedAt ?? m.ts, t: m.t, extra: { ...m.extra } });
  }
  for (const doc of fixture.integrations ?? []) if (typeof doc._id === 'string') store.messages.insertIntegration(doc._id, { ...doc });
  // The fixtures are charged to the session's budget even past it; later writes must fit.
  store.sealSeed();
  return store;
}

/** A fixture user as the store keeps it: `email` is one verified address, defaults filled in. */
function toStoredUser(u: FixtureUser): StoredUser {
  const createdAt = u.createdAt ?? SEED_TIME;
  return {
    _id: u._id,
    username: u.username,
    name: u.name,
    password: u.password,
    emails: u.emails?.map((e) => ({ ...e })) ?? (u.email === undefined ? [] : [{ address: u.email, verified: true }]),
    status: u.status ?? 'offline',
    statusDefault: u.statusDefault,
    statusText: u.statusText,
    active: u.active ?? true,
    utcOffset: u.utcOffset,
    roles: [...u.roles],
    type: u.type ?? (u.roles.includes('bot') ? 'bot' : 'user'),
    createdAt,
    _updatedAt: u._updatedAt ?? createdAt,
    preferences: { ...u.preferences },
    customFields: u.customFields === undefined ? undefined : { ...u.customFields },
    bio: u.bio,
    nickname: u.nickname,
    requirePasswordChange: u.requirePasswordChange,
  };
}
