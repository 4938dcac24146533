import type { Deps } from '../../../core/types.ts';
import { rcErrors } from '../errors.ts';
import type { StoredRoom, StoredUser } from '../model.ts';
import { derivedId, meteorId } from '../random-id.ts';
import { err, ok, type Result } from '../result.ts';
import { extraFields } from '../rooms/create-group.ts';
import { checkRoomName, roomNameRules, slugify } from '../rooms/room-name.ts';
import type { RocketChatStore } from '../store/store.ts';
import { teamsErrors } from './team-errors.ts';

/**
 * A team's main room, as Team.create makes it through `Room.create(owner || uid, {...room, type,
 * name: team.name, members, extraData})` → `createRoom` (research notes issue 10 §7.1; the
 * room service checks `create-c` / `create-p` for the owner first). Team.create catches every
 * failure of this step and answers `error-team-creation`; the twin's own limits (room cap, byte
 * budget) keep their own answers.
 */

/** What the main room is made of. */
export interface MainRoomArgs {
  /** The room's creator and owner: `owner` when given, else the caller. */
  readonly owner: StoredUser;
  readonly type: 'c' | 'p';
  /** The team's name, as sent. */
  readonly name: string;
  /** Active members found by id or username (the owner may be among them). */
  readonly members: readonly StoredUser[];
  readonly readOnly: unknown;
  readonly extraData: object | undefined;
  /** `sidepanel.items`, stored as the room's `sidepanel`. */
  readonly sidepanel: readonly string[] | undefined;
  readonly teamId: string;
  readonly now: string;
}

/** Creates and stores the main room with `teamMain: true` and `teamId` (Rooms.setTeamMainById folded in). */
export function createMainRoom(store: RocketChatStore, deps: Deps, args: MainRoomArgs): Result<StoredRoom> {
  if (!store.authz.hasPermission(args.owner, `create-${args.type}`)) return err(teamsErrors.creationFailed());
  const named = roomNames(store, args.name);
  if (!named) return err(teamsErrors.creationFailed());
  if (store.rooms.count >= store.rooms.maxRooms) return err(rcErrors.roomLimitReached(store.rooms.maxRooms));
  let rid = meteorId(deps.random);
  while (store.rooms.room(rid)) rid = meteorId(deps.random);
  const extra = withSidepanel(withDefaultEncryption(store, args.type, extraFields(args.extraData)), args.sidepanel);
  const room: StoredRoom = {
    _id: rid,
    name: named.name,
    fname: named.fname,
    t: args.type,
    msgs: 0,
    usersCount: 0,
    u: store.rooms.ownerOf(args.owner),
    ts: args.now,
    ro: args.readOnly === true || extra.get('broadcast') === true,
    _updatedAt: args.now,
    customFields: undefined,
    teamId: args.teamId,
    teamMain: true,
    extra,
  };
  const members = [args.owner, ...args.members.filter((user) => user._id !== args.owner._id)];
  if (!store.rooms.insert(room, members.length)) return err(rcErrors.sessionFull(store.byteLimit));
  for (const user of members) {
    // createRoom: the creator's subscription carries the owner role; members join quietly.
    const roles = user._id === args.owner._id ? ['owner'] : [];
    store.rooms.subscribe(rid, user._id, { roles, ts: args.now, _id: derivedId(`${rid}:${user._id}`), open: true });
  }
  return ok(room);
}

/**
 * createRoom's name rules (research/rocketchat.md §2.4): trimmed, not empty, valid for the
 * settings, not taken. Undefined when createRoom would throw.
 */
function roomNames(store: RocketChatStore, raw: string): { name: string; fname: string } | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  const rules = roomNameRules(store);
  if (checkRoomName(trimmed, rules)) return undefined;
  if (!rules.specialChars) return store.rooms.roomByName(trimmed) ? undefined : { name: trimmed, fname: raw };
  if (store.rooms.roomByFname(trimmed)) return undefined;
  const slug = slugify(trimmed);
  let name = slug;
  for (let n = 1; store.rooms.roomByName(name); n += 1) name = `${slug}-${n}`;
  return { name, fname: trimmed };
}

/** createRoom encrypts new private rooms when `E2E_Enable` and `E2E_Enabled_Default_PrivateRooms` are on. */
function withDefaultEncryption(store: RocketChatStore, type: 'c' | 'p', extra: ReadonlyMap<string, unknown>): ReadonlyMap<string, unknown> {
  if (type !== 'p' || extra.has('encrypted')) return extra;
  if (!store.settings.boolean('E2E_Enable') || !store.settings.boolean('E2E_Enabled_Default_PrivateRooms')) return extra;
  return new Map([...extra, ['encrypted', true]]);
}

/** createRoom stores the team's `sidepanel` on the room. */
function withSidepanel(extra: ReadonlyMap<string, unknown>, items: readonly string[] | undefined): ReadonlyMap<string, unknown> {
  return items === undefined ? extra : new Map([...extra, ['sidepanel', { items: [...items] }]]);
}
