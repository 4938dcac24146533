import { isIP } from 'node:net';

/**
 * Which `Host` headers the twin answers (DNS-rebinding defence, as Vite's `server.allowedHosts`
 * and webpack-dev-server's `allowedHosts: 'auto'` do). A page on `evil.example` whose name is
 * re-pointed at 127.0.0.1 still sends `Host: evil.example`; refusing it keeps the page from
 * reading or changing the twin's state. An IP literal cannot be re-pointed, so IP literals pass;
 * so do `localhost` and `*.localhost` (RFC 6761 §6.3: always loopback). Anything else must be
 * listed: an entry `name` allows exactly that name, `.name` also its subdomains; `'all'` turns
 * the check off.
 */
export type AllowedHosts = 'all' | readonly string[];

/** The name part of a Host header: `[::1]:4010` → `::1`, `Localhost.:80` → `localhost`. */
export function hostName(header: string): string {
  const trimmed = header.trim().toLowerCase();
  const name = trimmed.startsWith('[') ? trimmed.slice(1, trimmed.indexOf(']')) : trimmed.replace(/:\d*$/, '');
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/** True when a request with this `Host` header may be answered. */
export function isHostAllowed(header: string | undefined, allowed: AllowedHosts): boolean {
  if (allowed === 'all') return true;
  if (header === undefined || header === '') return false;
  const name = hostName(header);
  if (name === 'localhost' || name.endsWith('.localhost') || isIP(name) !== 0) return true;
  return allowed.some((entry) => {
    const wanted = entry.toLowerCase();
    return wanted.startsWith('.') ? name === wanted.slice(1) || name.endsWith(wanted) : name === wanted;
  });
}
