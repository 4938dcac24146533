import type { Charges } from './charges.ts';

/** Login tokens kept valid per session (fixture tokens not counted). */
export const MAX_MINTED_TOKENS = 10_000;
/** One login token: 43 characters, its map entry and its place in the minted set. */
const TOKEN_BYTES = 200;

/**
 * Login tokens of one session (`services.resume.loginTokens` in the vendor): fixture tokens, valid
 * from the start of every session, and tokens minted by login, at most MAX_MINTED_TOKENS of them
 * (the oldest is dropped first, so a client logging in in a loop cannot grow the session).
 */
export class TokensStore {
  private readonly owners = new Map<string, string>();
  /** Tokens minted by login, oldest first. */
  private readonly minted = new Set<string>();

  constructor(private readonly charges: Charges) {}

  /** Registers a fixture token for a user. */
  add(token: string, userId: string): void {
    this.owners.set(token, userId);
    this.charges.force(TOKEN_BYTES);
  }

  /**
   * Registers a token minted by login. A full budget makes room by forgetting the oldest minted
   * tokens, so logging in keeps working; with none left the token is charged anyway.
   */
  mint(token: string, userId: string): void {
    while (!this.charges.admit(TOKEN_BYTES)) {
      const [oldest] = this.minted;
      if (oldest === undefined) {
        this.charges.force(TOKEN_BYTES);
        break;
      }
      this.remove(oldest);
    }
    this.owners.set(token, userId);
    this.minted.add(token);
    if (this.minted.size > MAX_MINTED_TOKENS) {
      const [oldest] = this.minted;
      if (oldest !== undefined) this.remove(oldest);
    }
  }

  /** Makes exactly these tokens valid (imported state); they count as fixture tokens. */
  replace(tokens: readonly { token: string; userId: string }[]): void {
    this.charges.release(this.owners.size * TOKEN_BYTES);
    this.owners.clear();
    this.minted.clear();
    for (const { token, userId } of tokens) this.add(token, userId);
  }

  /** The `_id` of the user a token belongs to, if it is valid in this session. */
  ownerOf(token: string): string | undefined {
    return this.owners.get(token);
  }

  /** Invalidates a token (logout). */
  remove(token: string): void {
    if (this.owners.delete(token)) this.charges.release(TOKEN_BYTES);
    this.minted.delete(token);
  }

  /** Invalidates every token of a user (users.delete, deactivation). */
  removeUser(userId: string): void {
    for (const [token, owner] of this.owners) if (owner === userId) this.remove(token);
  }

  /** Every valid token with its user, in the order they were registered (state export). */
  entries(): { token: string; userId: string }[] {
    return [...this.owners].map(([token, userId]) => ({ token, userId }));
  }
}
