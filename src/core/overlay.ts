import type { Operation } from 'openapi-backend';
import type { SpecRouter } from './spec-router.ts';

/** A served document laid over a hand-modelled vendor API of the same prefix. */
export interface Overlay {
  /** The vendor API whose session checks credentials. */
  readonly vendor: string;
  /** operationIds of the document that need the vendor's credentials. */
  readonly secured: ReadonlySet<string>;
  /** operationIds of the document the vendor's router answers first, with the vendor's name. */
  readonly modelled: ReadonlyMap<string, string>;
}

/** What overlay detection needs to know about a mounted API. */
export interface OverlayCandidate {
  readonly name: string;
  readonly pathPrefix: string;
  readonly mountPath: string;
  readonly router: SpecRouter;
}

/**
 * Whether a served document overlays one of the hand-modelled vendor APIs (a vendor's published
 * document given with `--spec`): the vendor whose path prefix holds most of its operations. Its
 * secured operations — an effective `security` requirement, or a header parameter the vendor's own
 * spec names as a credential (`X-Auth-Token` in Rocket.Chat's published documents, which declare
 * no security schemes) — are authenticated by the vendor's session, so a token minted by the
 * modelled login works on both. Operations the vendor's router matches are answered by it.
 */
export function findOverlay(document: OverlayCandidate, vendors: readonly OverlayCandidate[]): Overlay | undefined {
  const operations = document.router.operations();
  let best: OverlayCandidate | undefined;
  let bestCount = 0;
  for (const vendor of vendors) {
    const count = operations.filter((op) => `${document.mountPath}${op.path}`.startsWith(vendor.pathPrefix)).length;
    if (count > bestCount) {
      best = vendor;
      bestCount = count;
    }
  }
  if (!best) return undefined;
  const headers = credentialHeaders(best.router.definition);
  const secured = new Set<string>();
  const modelled = new Map<string, string>();
  for (const op of operations) {
    const id = op.operationId;
    if (id === undefined) continue;
    if (needsCredentials(op, headers)) secured.add(id);
    const sample = `${document.mountPath}${op.path}`.replace(/\{[^{}]+\}/g, 'x');
    if (best.router.match(op.method, sample)) modelled.set(id, best.name);
  }
  return { vendor: best.name, secured, modelled };
}

/** Header names (lower case) a spec's security schemes carry credentials in. */
function credentialHeaders(definition: unknown): Set<string> {
  const out = new Set<string>();
  const components = record(record(definition).components);
  for (const scheme of Object.values(record(components.securitySchemes))) {
    const s = record(scheme);
    if (s.type === 'apiKey' && s.in === 'header' && typeof s.name === 'string') out.add(s.name.toLowerCase());
    if (s.type === 'http' || s.type === 'oauth2' || s.type === 'openIdConnect') out.add('authorization');
  }
  return out;
}

function needsCredentials(op: Operation, headers: ReadonlySet<string>): boolean {
  const security: unknown = op.security;
  if (Array.isArray(security) && security.length > 0 && !security.some((r) => Object.keys(record(r)).length === 0)) return true;
  return (op.parameters ?? []).some((p) => 'in' in p && p.in === 'header' && headers.has(p.name.toLowerCase()));
}

function record(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
