import { existsSync } from 'node:fs';
import { fromRoot } from './paths.ts';
import { adminApi } from './apis/admin/index.ts';
import { documentApi, loadDocument, SpecError, type DocumentApi, type Notice, type Unservable } from './apis/openapi/index.ts';
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

/** A document served with `--spec`, as start-up reports it. */
export interface ServedDocument {
  readonly name: string;
  readonly file: string;
  /** `''` or the prefix its paths are served under. */
  readonly mountPath: string;
  readonly operations: number;
  /** The hand-modelled API it is laid over, if any. */
  readonly overlays: string | null;
  /** Operations the twin cannot serve (answered 501), each with the reason. */
  readonly unservable: readonly Unservable[];
  /** What the twin serves other than the document says (file, pointer, reason). */
  readonly notices: readonly Notice[];
}

/** A twin with its configuration and the documents it serves. */
export type CreatedTwin = Twin & { readonly config: TwinConfig; readonly documents: readonly ServedDocument[] };

/**
 * Builds a twin of both vendor APIs, plus every OpenAPI document of `config.specs`, from specs and
 * fixtures. It never listens: serve it with `startTwin` (node:http) or `twinMiddleware` (express),
 * or call `twin.handle` directly. A document that cannot be served throws SpecError (file, JSON
 * pointer, reason).
 */
export async function createTwin(config: Partial<TwinConfig> = {}): Promise<CreatedTwin> {
  const resolved = resolveConfig(config);
  const loaded = await Promise.all(resolved.specs.map((source) => loadDocument(source)));
  const taken = new Map<string, string>(VENDOR_APIS.map((api) => [api.name, 'a hand-modelled API']));
  for (const doc of loaded) {
    const other = taken.get(doc.name);
    if (other !== undefined) throw new SpecError(doc.file, '', `its name "${doc.name}" is already taken by ${other}; rename the file or give it another name`);
    taken.set(doc.name, doc.file);
  }
  const documents: DocumentApi[] = loaded.map((doc) => documentApi(doc, { stateful: resolved.stateful }));
  const twin = await createTwinCore({
    apis: [...VENDOR_APIS, ...documents],
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
  const served = documents.map((api) => ({
    name: api.name,
    file: api.specPath,
    mountPath: api.mountPath ?? '',
    operations: api.operationCount,
    overlays: twin.controls.operations(api.name)?.overlays ?? null,
    unservable: api.unservable,
    notices: api.notices,
  }));
  return { ...twin, config: resolved, documents: served };
}
