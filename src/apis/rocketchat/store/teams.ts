import { estimateBytes } from '../../../core/byte-budget.ts';
import type { StoredTeam, TeamMember } from '../model.ts';
import type { Charges } from './charges.ts';

/** One team member: the record and its map entry. */
const MEMBER_BYTES = 200;
/** A team's fixed part. */
const TEAM_BYTES = 400;

/** The teams of one session, by id and by name (research notes issue 10 §7). */
export class TeamsStore {
  private readonly byId = new Map<string, StoredTeam>();
  private readonly byName = new Map<string, StoredTeam>();

  constructor(private readonly charges: Charges) {}

  /** Adds a team (members included); false when it does not fit the budget. */
  add(team: StoredTeam): boolean {
    if (!this.charges.admit(TEAM_BYTES + estimateBytes(team.name) + team.members.size * MEMBER_BYTES)) return false;
    this.byId.set(team._id, team);
    this.byName.set(team.name, team);
    return true;
  }

  team(id: string): StoredTeam | undefined {
    return this.byId.get(id);
  }

  byTeamName(name: string): StoredTeam | undefined {
    return this.byName.get(name);
  }

  /** Adds or replaces a member; false when a new member does not fit. */
  setMember(team: StoredTeam, member: TeamMember): boolean {
    if (!team.members.has(member.userId) && !this.charges.admit(MEMBER_BYTES)) return false;
    team.members.set(member.userId, member);
    return true;
  }

  removeMember(team: StoredTeam, userId: string): void {
    if (team.members.delete(userId)) this.charges.release(MEMBER_BYTES);
  }

  /** Removes a team (its main room is the caller's business). */
  delete(id: string): void {
    const team = this.byId.get(id);
    if (!team) return;
    this.byId.delete(id);
    this.byName.delete(team.name);
    this.charges.release(TEAM_BYTES + estimateBytes(team.name) + team.members.size * MEMBER_BYTES);
  }

  /** Every team, in insertion order (state export). */
  all(): StoredTeam[] {
    return [...this.byId.values()];
  }

  // --- room settings ---

  /**
   * Renames a team (a rename of its main room, `Team.update`). False, and nothing changed, when
   * another team holds the name or the longer name does not fit the budget.
   */
  rename(team: StoredTeam, name: string): boolean {
    const holder = this.byName.get(name);
    if (holder && holder !== team) return false;
    const growth = estimateBytes(name) - estimateBytes(team.name);
    if (growth > 0 && !this.charges.admit(growth)) return false;
    if (growth < 0) this.charges.release(-growth);
    if (this.byName.get(team.name) === team) this.byName.delete(team.name);
    team.name = name;
    this.byName.set(name, team);
    return true;
  }

  // --- membership and roles ---

  // --- messages ---

  // --- teams ---

}
