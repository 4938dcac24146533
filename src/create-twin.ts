import { existsSync } from 'node:fs';
import { fromRoot } from './paths.ts';
import { adminApi } from './apis/admin/index.ts';
import { roamApi } from './apis/roam/index.ts';
import { rocketchatApi } from './apis/rocketchat/index.ts';
import { resolveConfig, type TwinConfig } from './config.ts';
import { createTwinCore, type Twin } from './core/twin.ts';

/**
 * Where the dereferenced specs are cached (`npm run generate` writes them, stamped with each
 * YAML's SHA-256): src/generated in a checkout, dist/spec in the installed package.
 */
const SPEC_CACHE_DIR = existsSync(fromRoot('src/generated')) ? fromRoot('src/generated') : fromRoot('dist/spec');

/** The vendor APIs every twin serves. */
export const VENDOR_APIS = [rocketchatApi, roamApi] as const;

/**
 * Builds a twin of both vendor APIs from specs and fixtures. It never listens: serve it with
 * `startTwin` (node:http) or `twinMiddleware` (express), or call `twin.handle` directly.
 */
export async function createTwin(config: Partial<TwinConfig> = {}): Promise<Twin & { readonly config: TwinConfig }> {
  const resolved = resolveConfig(config);
  const twin = await createTwinCore({
    apis: VENDOR_APIS,
    admin: adminApi,
    fixturesDir: resolved.fixturesDir,
    deps: resolved.deps,
    sessions: { maxSessions: resolved.maxSessions, idleMs: resolved.sessionIdleMs, maxBytes: resolved.maxSessionBytes, defaultMaxBytes: resolved.defaultSessionBytes },
    journalSize: resolved.journalSize,
    journalBytes: resolved.journalBytes,
    cors: resolved.cors,
    adminToken: resolved.adminToken,
    adminOrigins: resolved.adminOrigins,
    allowedHosts: resolved.allowedHosts,
    strict: resolved.strict,
    specCacheDir: SPEC_CACHE_DIR,
  });
  return { ...twin, config: resolved };
}
