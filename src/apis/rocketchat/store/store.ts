import { unboundedMeter, type Meter } from '../../../core/byte-budget.ts';
import { AuthzStore } from './authz.ts';
import { Charges } from './charges.ts';
import { MessagesStore } from './messages.ts';
import { RoomsStore } from './rooms.ts';
import { SettingsStore } from './settings.ts';
import { TeamsStore } from './teams.ts';
import { TokensStore } from './tokens.ts';
import { UsersStore } from './users.ts';

/** Limits of one session's store besides its byte budget. */
export interface StoreLimits {
  /** Most rooms (seeded ones included) a session may hold; a safety cap, modelled. */
  readonly maxRooms: number;
}

/**
 * The state of Rocket.Chat inside one mock session, split by aggregate as the vendor's collections
 * are (DESIGN.md §6): users, login tokens, roles and permissions, settings, rooms with their
 * subscriptions, teams, messages. All of them charge one byte budget. The stores only store and index; the
 * vendor's rules live in the domain folders (auth/, users/, rooms/, …).
 */
export class RocketChatStore {
  readonly charges: Charges;
  readonly users: UsersStore;
  readonly tokens: TokensStore;
  readonly authz: AuthzStore;
  readonly settings: SettingsStore;
  readonly rooms: RoomsStore;
  readonly teams: TeamsStore;
  readonly messages: MessagesStore;

  constructor(limits?: StoreLimits, meter: Meter = unboundedMeter()) {
    this.charges = new Charges(meter);
    this.users = new UsersStore(this.charges);
    this.tokens = new TokensStore(this.charges);
    this.rooms = new RoomsStore(this.charges, limits?.maxRooms);
    this.authz = new AuthzStore(this.charges, (rid, userId) => this.rooms.rolesIn(rid, userId));
    this.settings = new SettingsStore(this.charges);
    this.teams = new TeamsStore(this.charges);
    this.messages = new MessagesStore(this.charges);
  }

  /** Ends seeding: from now on every write must fit the session's byte budget. */
  sealSeed(): void {
    this.charges.seal();
  }

  /** The session's byte budget (for the error that says it is full). */
  get byteLimit(): number {
    return this.charges.limit;
  }
}
