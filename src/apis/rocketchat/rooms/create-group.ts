import type { Deps } from '../../../core/types.ts';
import { checkCreateBody, type CreateArgs } from './create-checks.ts';
import { rcErrors } from '../errors.ts';
import type { PrivateRoom, StoredUser } from '../model.ts';
import { own } from '../parse-body.ts';
import { derivedId, meteorId } from '../random-id.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { validRoomName } from './valid-room-name.ts';

/**
 * `groups.create` → createPrivateGroupMethod (CPG) → createRoom (CR), in the vendor's order
 * (research/rocketchat.md §2.2, §7): body checks → team → permission → federation → name validity
 * → duplicate → create. The first failure wins and nothing is stored before the create step.
 */

/** Room keys `extraData` cannot overwrite: CR sets them after the spread, or the twin owns them. */
const PROTECTED_KEYS: ReadonlySet<string> = new Set([
  '_id', 'name', 'fname', 't', 'msgs', 'usersCount', 'u', 'ts', 'ro', '_updatedAt', 'customFields', 'teamId', 'teamMain',
  '__proto__',
]);

/** Documented extraData keys and their type; a value of another type is dropped (modelled). */
const TYPED_EXTRA_KEYS: ReadonlyMap<string, 'boolean' | 'string'> = new Map([
  ['broadcast', 'boolean'],
  ['encrypted', 'boolean'],
  ['federated', 'boolean'],
  ['topic', 'string'],
]);

/** Runs the whole flow for `caller` and stores the room on success. */
export function createPrivateGroup(store: RocketChatStore, deps: Deps, caller: StoredUser, body: unknown): Result<PrivateRoom> {
  const checked = checkCreateBody(body);
  if (!checked.ok) return err(checked.error);
  const args = checked.args;
  const wantedTeam = own(args.extraData, 'teamId');
  let teamId: string | undefined;
  // CPG: a truthy teamId switches the permission to create-team-group, scoped to the team.
  if (wantedTeam) {
    const team = typeof wantedTeam === 'string' ? store.teams.team(wantedTeam) : undefined;
    if (!team) return err(rcErrors.teamNotFound());
    // CPG: hasPermission(userId, 'create-team-group', team.roomId): global roles plus the
    // caller's room roles in the team's main room (its owner and moderators).
    if (!store.authz.hasPermission(caller, 'create-team-group', team.roomId)) return err(rcErrors.notAllowed('createPrivateGroup'));
    teamId = team._id;
  } else if (!store.authz.hasPermission(caller, 'create-p')) {
    return err(rcErrors.notAllowed('createPrivateGroup'));
  }
  // CR federation guard (§2.2 item 9); position before the name checks is modelled.
  if (own(args.extraData, 'federated') === true && !store.authz.hasPermission(caller, 'access-federation')) {
    return err(rcErrors.federationNotAuthorized());
  }
  const trimmed = args.name.trim();
  if (trimmed === '') return err(rcErrors.invalidName());
  const named = validRoomName(store, trimmed);
  if (!named.ok) return err(named.error);
  if (store.rooms.count >= store.rooms.maxRooms) return err(rcErrors.roomLimitReached(store.rooms.maxRooms));
  // CR: `fname: name`, the raw string as sent (untrimmed), whatever the settings (§1.1).
  const room = insertGroup(store, deps, caller, args, named.value, args.name, teamId);
  return room ? ok(room) : err(rcErrors.sessionFull(store.byteLimit));
}

function insertGroup(
  store: RocketChatStore,
  deps: Deps,
  caller: StoredUser,
  args: CreateArgs,
  name: string,
  fname: string,
  teamId: string | undefined,
): PrivateRoom | undefined {
  const now = deps.now().toISOString();
  let rid = meteorId(deps.random);
  while (store.rooms.room(rid)) rid = meteorId(deps.random);
  const extra = withDefaultEncryption(store, extraFields(args.extraData));
  const customFields = customFieldsOf(args.customFields);
  const room: PrivateRoom = {
    _id: rid,
    name,
    fname,
    t: 'p',
    msgs: 0, // room creation writes no system message (test T)
    usersCount: 0, // counted up by subscribe(), as CR increments by subs.length (§3.1)
    u: store.rooms.ownerOf(caller),
    ts: now,
    ro: args.readOnly === true || extra.get('broadcast') === true,
    _updatedAt: now,
    // Every room gets the same fields in the same order (undefined when absent; views skip them):
    // conditional spreads here made V8 keep each room in dictionary mode, ~250 B more per room.
    customFields,
    teamId,
    teamMain: undefined,
    extra,
  };
  const members = membersOf(store, caller, args);
  // The room and all its subscriptions fit the session's byte budget, or nothing is stored.
  if (!store.rooms.insert(room, members.length)) return undefined;
  for (const user of members) {
    // CR: the creator's subscription carries the owner role; members are added quietly.
    store.rooms.subscribe(rid, user._id, { roles: user._id === caller._id ? ['owner'] : [], ts: now, _id: derivedId(`${rid}:${user._id}`), open: true });
  }
  return room;
}

/**
 * §1.1/§3.3: members de-duplicated, unknown usernames dropped (exact, case-sensitive match), and the
 * creator first unless `excludeSelf`. A creator who lists themselves is subscribed anyway [inferred].
 */
function membersOf(store: RocketChatStore, caller: StoredUser, args: CreateArgs): StoredUser[] {
  const usernames = args.excludeSelf ? [...args.members] : [caller.username, ...args.members];
  const seen = new Set<string>();
  const out: StoredUser[] = [];
  for (const username of usernames) {
    const user = store.users.byUsername(username);
    if (!user || seen.has(user._id)) continue;
    seen.add(user._id);
    out.push(user);
  }
  return out;
}

/** CR `...extraData`: every own key except teamId and the protected ones, typed keys only when well-typed. */
const NO_EXTRA: ReadonlyMap<string, unknown> = new Map();

export function extraFields(extraData: object | undefined): ReadonlyMap<string, unknown> {
  // Most rooms carry no extraData: they share one empty map (a Map costs ~100 B per room).
  if (extraData === undefined || Object.keys(extraData).length === 0) return NO_EXTRA;
  const out = new Map<string, unknown>();
  for (const key of Object.keys(extraData)) {
    if (PROTECTED_KEYS.has(key)) continue;
    const value = own(extraData, key);
    const expected = TYPED_EXTRA_KEYS.get(key);
    if (expected !== undefined && typeof value !== expected) continue;
    if (value !== undefined) out.set(key, value);
  }
  return out;
}

/** CPG stores customFields only when it has keys; the twin also skips arrays so `customFields` stays an object (modelled). */
export function customFieldsOf(customFields: object | undefined): Readonly<Record<string, unknown>> | undefined {
  if (customFields === undefined || Array.isArray(customFields)) return undefined;
  const entries = Object.keys(customFields)
    .filter((key) => key !== '__proto__')
    .map((key) => [key, own(customFields, key)] as const);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * CR: with `E2E_Enable` and `E2E_Enabled_Default_PrivateRooms` on, a private group is encrypted
 * unless the client said otherwise (the vendor's own test "should create the encrypted room by
 * default"; research notes issue 10 §9.3).
 */
function withDefaultEncryption(store: RocketChatStore, extra: ReadonlyMap<string, unknown>): ReadonlyMap<string, unknown> {
  if (extra.has('encrypted') || !store.settings.boolean('E2E_Enable') || !store.settings.boolean('E2E_Enabled_Default_PrivateRooms')) return extra;
  return new Map([...extra, ['encrypted', true]]);
}

