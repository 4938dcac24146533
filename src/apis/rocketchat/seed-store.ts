import type { Meter } from '../../core/byte-budget.ts';
import { customFieldsOf, extraFields } from './create-group.ts';
import type { RocketChatFixture } from './fixture-format.ts';
import { DEFAULT_MAX_ROOMS, RocketChatStore, type StoreLimits } from './store.ts';

/**
 * Builds a fresh store from a validated fixture. Every call returns independent state, so each
 * mock session starts from the same seed (DESIGN.md §1 step 2).
 */
export function seedStore(fixture: RocketChatFixture, meter?: Meter, limits: StoreLimits = { maxRooms: DEFAULT_MAX_ROOMS }): RocketChatStore {
  const store = new RocketChatStore(limits, meter);
  for (const u of fixture.users) {
    store.addUser({
      _id: u._id,
      username: u.username,
      name: u.name,
      password: u.password,
      email: u.email,
      status: u.status ?? 'offline',
      active: u.active ?? true,
      utcOffset: u.utcOffset ?? 0,
      roles: [...u.roles],
      permissions: new Set(u.permissions),
    });
    if (u.authToken !== undefined) store.addToken(u.authToken, u._id);
  }
  for (const t of fixture.teams) {
    const memberPermissions = new Map(t.members.map((m) => [m.userId, new Set(m.permissions)] as const));
    store.addTeam({ _id: t._id, name: t.name, mainRoomId: t.mainRoomId, memberPermissions });
  }
  for (const r of fixture.rooms) {
    const creator = store.user(r.creatorId);
    // fixtures.ts checked every reference; a miss here is a bug.
    if (!creator) throw new Error(`fixture room ${r._id}: unknown creator ${r.creatorId}`);
    // extraData is filtered exactly as groups.create filters it, so imported state obeys the same rules.
    const extra = new Map(extraFields(r.extraData));
    if (r.broadcast !== undefined) extra.set('broadcast', r.broadcast);
    store.insertRoom({
      _id: r._id,
      name: r.name,
      fname: r.fname ?? r.name,
      t: r.t,
      msgs: r.msgs ?? 0,
      usersCount: 0,
      u: { _id: creator._id, username: creator.username, name: creator.name },
      ts: r.ts,
      ro: r.ro === true || r.broadcast === true,
      _updatedAt: r._updatedAt ?? r.ts,
      customFields: customFieldsOf(r.customFields),
      ...(r.teamId === undefined ? {} : { teamId: r.teamId }),
      ...(r.teamMain === undefined ? {} : { teamMain: r.teamMain }),
      extra,
    });
    for (const m of r.members) store.subscribe(r._id, m.userId, m.roles);
  }
  if (fixture.tokens !== undefined) store.replaceTokens(fixture.tokens);
  // The fixtures are charged to the session's budget even past it; later writes must fit.
  store.sealSeed();
  return store;
}
