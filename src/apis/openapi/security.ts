import type { Operation } from 'openapi-backend';
import { isRecord } from './schema-shape.ts';

/** A security scheme as the twin checks it: where the credential travels. */
export interface Scheme {
  readonly name: string;
  readonly kind: 'apiKey' | 'basic' | 'bearer' | 'http' | 'mutualTLS';
  /** apiKey: header, query or cookie. */
  readonly in?: 'header' | 'query' | 'cookie';
  /** apiKey: the header, parameter or cookie name (headers in lower case); http: the scheme word. */
  readonly key: string;
  /** The name as the document writes it (`X-Api-Key`), for messages. */
  readonly label: string;
}

/** Credentials a request shows, by scheme name; `undefined` when absent. */
export interface Presented {
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly query: Readonly<Record<string, string | string[]>>;
}

/** The outcome of a security check. */
export type SecurityOutcome = { readonly ok: true } | { readonly ok: false; readonly invalid: boolean; readonly detail: string; readonly challenge: string };

/** The schemes of `components.securitySchemes`, keyed by name. */
export function schemesOf(definition: unknown): Map<string, Scheme> {
  const out = new Map<string, Scheme>();
  const components = isRecord(definition) && isRecord(definition.components) ? definition.components : {};
  const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {};
  for (const [name, s] of Object.entries(schemes)) {
    if (!isRecord(s)) continue;
    if (s.type === 'apiKey' && typeof s.name === 'string' && (s.in === 'header' || s.in === 'query' || s.in === 'cookie')) {
      out.set(name, { name, kind: 'apiKey', in: s.in, key: s.in === 'header' ? s.name.toLowerCase() : s.name, label: s.name });
    } else if (s.type === 'http' && typeof s.scheme === 'string') {
      const word = s.scheme.toLowerCase();
      out.set(name, { name, kind: word === 'basic' ? 'basic' : word === 'bearer' ? 'bearer' : 'http', key: word, label: s.scheme });
    } else if (s.type === 'oauth2' || s.type === 'openIdConnect') {
      out.set(name, { name, kind: 'bearer', key: 'bearer', label: 'Bearer' });
    } else if (s.type === 'mutualTLS') {
      out.set(name, { name, kind: 'mutualTLS', key: '', label: 'mutual TLS' });
    }
  }
  return out;
}

/** The requirements of an operation (its own, else the document's); empty: none needed. */
export function requirementsOf(operation: Operation): readonly (readonly string[])[] {
  const security: unknown = operation.security;
  if (!Array.isArray(security) || security.length === 0) return [];
  const requirements = security.filter(isRecord).map((r) => Object.keys(r));
  // `{}` among them: credentials are optional (OpenAPI 3.1 §4.8.30).
  return requirements.some((r) => r.length === 0) ? [] : requirements;
}

/**
 * Checks that a request presents the credentials one of the operation's security requirements
 * names (every scheme of it). Any value is accepted, unless the document's fixture lists the
 * valid values of a scheme (`credentials`); mutual TLS cannot be seen and always passes.
 */
export function checkSecurity(
  requirements: readonly (readonly string[])[],
  schemes: ReadonlyMap<string, Scheme>,
  presented: Presented,
  valid: ReadonlyMap<string, ReadonlySet<string>>,
  realm: string,
): SecurityOutcome {
  if (requirements.length === 0) return { ok: true };
  let invalid = false;
  for (const requirement of requirements) {
    let met = true;
    for (const name of requirement) {
      const scheme = schemes.get(name);
      if (!scheme || scheme.kind === 'mutualTLS') continue;
      const value = credentialOf(scheme, presented);
      if (value === undefined) {
        met = false;
        break;
      }
      const allowed = valid.get(name);
      if (allowed !== undefined && !allowed.has(value)) {
        met = false;
        invalid = true;
        break;
      }
    }
    if (met) return { ok: true };
  }
  const wanted = requirements.map((r) => r.map((name) => describe(schemes.get(name), name)).join(' and ')).join('; or ');
  const names = [...new Set(requirements.flat())];
  const challenge = names.map((name) => challengeOf(schemes.get(name), realm, invalid)).filter((c) => c !== '').join(', ');
  return { ok: false, invalid, detail: `${invalid ? 'The credentials are not among the valid ones listed in the fixture' : 'Missing credentials'}: send ${wanted}.`, challenge: challenge || `Bearer realm="${realm}"` };
}

/** The credential a request shows for `scheme`, or undefined. Basic gives `user:password`. */
function credentialOf(scheme: Scheme, presented: Presented): string | undefined {
  if (scheme.kind === 'apiKey') {
    let value: string | undefined;
    if (scheme.in === 'header') value = presented.headers[scheme.key];
    else if (scheme.in === 'query') {
      const raw = presented.query[scheme.key];
      value = Array.isArray(raw) ? raw[0] : raw;
    } else value = cookie(presented.headers.cookie, scheme.key);
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }
  const authorization = presented.headers.authorization?.trim() ?? '';
  const space = authorization.indexOf(' ');
  if (space === -1) return undefined;
  const word = authorization.slice(0, space).toLowerCase();
  const rest = authorization.slice(space + 1).trim();
  if (rest === '' || word !== scheme.key) return undefined;
  if (scheme.kind !== 'basic') return rest;
  const decoded = Buffer.from(rest, 'base64').toString('utf8');
  return decoded.includes(':') ? decoded : undefined;
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq !== -1 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}

function describe(scheme: Scheme | undefined, name: string): string {
  if (!scheme) return name;
  if (scheme.kind === 'apiKey') return `${name} (${scheme.in === 'header' ? 'header' : scheme.in === 'query' ? 'query parameter' : 'cookie'} ${scheme.label})`;
  if (scheme.kind === 'basic') return `${name} (Authorization: Basic)`;
  if (scheme.kind === 'bearer') return `${name} (Authorization: Bearer)`;
  return `${name} (Authorization: ${scheme.key})`;
}

/** One RFC 9110 §11.6.1 challenge per scheme; API keys get a descriptive `ApiKey` challenge. */
function challengeOf(scheme: Scheme | undefined, realm: string, invalid: boolean): string {
  if (!scheme || scheme.kind === 'mutualTLS') return '';
  if (scheme.kind === 'apiKey') return `ApiKey realm="${realm}", in="${scheme.in ?? 'header'}", name="${scheme.label}"`;
  if (scheme.kind === 'basic') return `Basic realm="${realm}"`;
  if (scheme.kind === 'bearer') return `Bearer realm="${realm}"${invalid ? ', error="invalid_token"' : ''}`;
  return `${scheme.key.charAt(0).toUpperCase()}${scheme.key.slice(1)} realm="${realm}"`;
}
