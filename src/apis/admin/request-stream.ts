import type { Journal, JournalEntry } from '../../core/journal.ts';
import type { EventFeed } from '../../core/types.ts';

/** Streams open at once; one more is answered 503 (each holds up to a 1 MiB queue in the adapter). */
export const MAX_STREAMS = 16;

/** `GET /__admin/requests/stream`: each entry the journal stores from now on, as one SSE event. */
export function requestFeed(journal: Journal): EventFeed {
  return { subscribe: (send) => journal.subscribe((entry) => { send(requestEvent(entry)); }) };
}

/**
 * One Server-Sent Event (WHATWG HTML §9.2): `event`, `id` and one `data` line. JSON.stringify
 * escapes every line break inside strings, so the entry is a single line whatever it holds.
 */
export function requestEvent(entry: JournalEntry): string {
  return `event: request\nid: ${entry.id}\ndata: ${JSON.stringify(entry)}\n\n`;
}
