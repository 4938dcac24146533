import { fromRoot } from './paths.ts';
import type { CorsPolicy } from './core/cors.ts';
import type { Deps } from './core/types.ts';

/** Everything a twin can be configured with. Defaults are merged in `resolveConfig` and nowhere else. */
export interface TwinConfig {
  /** Folder holding `rocketchat.json` and `roam.json`. Default: the bundled `fixtures/default`. */
  readonly fixturesDir: string;
  /** Largest request body accepted, in bytes; larger bodies get the vendor's 413. Default 1 MiB. */
  readonly bodyLimitBytes: number;
  /** Most isolated `X-Mock-Session` states kept at once (least recently used dropped first). Default 1,000. */
  readonly maxSessions: number;
  /** A session unused for this long (ms) is dropped and starts again from the fixtures. Default 30 minutes. */
  readonly sessionIdleMs: number;
  /** Requests kept in the journal (`GET /__admin/requests`); 0 turns it off. Default 1,000. */
  readonly journalSize: number;
  /** Browser origins allowed by CORS: 'localhost' (any port), '*', 'off' or a list. Default 'localhost'. */
  readonly cors: CorsPolicy;
  /** When set, the admin API wants `Authorization: Bearer <token>`; else it answers loopback only. */
  readonly adminToken: string | undefined;
  /** Folder of the static reference docs `npm run docs` builds, served at `/docs/`. Default: `docs/`. */
  readonly docsDir: string;
  /** Clock and randomness; tests pin both. Default: the system clock and Math.random. */
  readonly deps: Deps;
}

/** Where the bundled fixtures live. */
export const DEFAULT_FIXTURES_DIR = fromRoot('fixtures/default');

/** The one place defaults are merged into a partial configuration. */
export function resolveConfig(partial: Partial<TwinConfig> = {}): TwinConfig {
  return {
    fixturesDir: partial.fixturesDir ?? DEFAULT_FIXTURES_DIR,
    bodyLimitBytes: partial.bodyLimitBytes ?? 1024 * 1024,
    maxSessions: partial.maxSessions ?? 1000,
    sessionIdleMs: partial.sessionIdleMs ?? 30 * 60 * 1000,
    journalSize: partial.journalSize ?? 1000,
    cors: partial.cors ?? 'localhost',
    adminToken: partial.adminToken,
    docsDir: partial.docsDir ?? fromRoot('docs'),
    deps: partial.deps ?? { now: () => new Date(), random: Math.random },
  };
}
