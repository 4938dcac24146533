import type { SpecSource } from './apis/openapi/load.ts';
import { fromRoot } from './paths.ts';
import type { CorsPolicy } from './core/cors.ts';
import type { AllowedHosts } from './core/host-check.ts';
import { DEFAULT_JOURNAL_BYTES } from './core/journal.ts';
import type { Deps } from './core/types.ts';
import { defaultSessionBudget, otherSessionBudget } from './memory-plan.ts';

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
  /**
   * Bytes of stored documents one `X-Mock-Session` session may hold (estimated heap bytes, all
   * APIs together); past it, writes get the vendor's error envelope. Default: what half the heap
   * limit leaves after the default session and the journal, split over the other sessions
   * (memory-plan.ts), between 1 MiB and 256 MiB.
   */
  readonly maxSessionBytes: number;
  /**
   * The same budget for the `default` session (requests without `X-Mock-Session`). Default: an
   * eighth of the heap limit, at most 256 MiB; `maxSessionBytes` when that is given.
   */
  readonly defaultSessionBytes: number;
  /** Requests kept in the journal (`GET /__admin/requests`); 0 turns it off. Default 1,000. */
  readonly journalSize: number;
  /** Bytes the journal may hold, all entries together. Default 32 MiB. */
  readonly journalBytes: number;
  /** Browser origins allowed by CORS: 'localhost' (any port), '*', 'off' or a list. Default 'localhost'. */
  readonly cors: CorsPolicy;
  /** When set, the admin API wants `Authorization: Bearer <token>`; else it answers loopback only. */
  readonly adminToken: string | undefined;
  /** Browser origins allowed to call `/__admin/*`. Default none: web pages cannot use the admin API. */
  readonly adminOrigins: readonly string[];
  /**
   * `Host` names answered beyond `localhost`, `*.localhost` and IP literals (DNS-rebinding
   * defence); `.example.com` allows subdomains too; 'all' turns the check off. Default none.
   */
  readonly allowedHosts: AllowedHosts;
  /**
   * Contract mode: a request that breaks the spec gets the vendor's 400 envelope even where the
   * vendor is lenient (`Prefer: strict=true` asks it for one request). Default false: lenient as
   * the vendor, but every violation is listed in the journal and the `X-Api-Twin-Violations` header.
   */
  readonly strict: boolean;
  /** Folder of the static reference docs `npm run docs` builds, served at `/docs/`. Default: `docs/`. */
  readonly docsDir: string;
  /**
   * OpenAPI 3.0/3.1 documents served beside the vendor APIs (`--spec FILE[@/prefix]`), each under
   * its own name (the file name) with an optional fixture file `<fixturesDir>/<name>.json`.
   * A document under a vendor's prefix overlays it. Default none.
   */
  readonly specs: readonly SpecSource[];
  /**
   * Infer collections and items in served documents and keep them per session (create, read,
   * update, delete, list). False (`--stateless`): every operation answers its documented example
   * or a body faked from its schema. Default true.
   */
  readonly stateful: boolean;
  /** Clock and randomness; tests pin both. Default: the system clock and Math.random. */
  readonly deps: Deps;
}

/** Largest admin body: a whole exported session must fit back in (`PUT /__admin/state`). */
export function adminBodyLimit(config: Pick<TwinConfig, 'bodyLimitBytes' | 'maxSessionBytes' | 'defaultSessionBytes'>): number {
  const largest = Math.max(config.maxSessionBytes, config.defaultSessionBytes);
  return Math.max(config.bodyLimitBytes, Math.min(2 * largest, 256 * 1024 * 1024));
}

/** Where the bundled fixtures live. */
export const DEFAULT_FIXTURES_DIR = fromRoot('fixtures/default');

/** The one place defaults are merged into a partial configuration. */
export function resolveConfig(partial: Partial<TwinConfig> = {}): TwinConfig {
  const maxSessions = partial.maxSessions ?? 1000;
  const journalBytes = partial.journalBytes ?? DEFAULT_JOURNAL_BYTES;
  return {
    fixturesDir: partial.fixturesDir ?? DEFAULT_FIXTURES_DIR,
    bodyLimitBytes: partial.bodyLimitBytes ?? 1024 * 1024,
    maxSessions,
    sessionIdleMs: partial.sessionIdleMs ?? 30 * 60 * 1000,
    maxSessionBytes: partial.maxSessionBytes ?? otherSessionBudget(maxSessions, journalBytes),
    defaultSessionBytes: partial.defaultSessionBytes ?? partial.maxSessionBytes ?? defaultSessionBudget(),
    journalSize: partial.journalSize ?? 1000,
    journalBytes,
    cors: partial.cors ?? 'localhost',
    adminToken: partial.adminToken,
    adminOrigins: partial.adminOrigins ?? [],
    allowedHosts: partial.allowedHosts ?? [],
    strict: partial.strict ?? false,
    docsDir: partial.docsDir ?? fromRoot('docs'),
    specs: partial.specs ?? [],
    stateful: partial.stateful ?? true,
    deps: partial.deps ?? { now: () => new Date(), random: Math.random },
  };
}
