import type { StoredUser } from '../model.ts';
import type { RocketChatStore } from '../store/store.ts';
import { isKnownEmoji } from './emoji.ts';

/**
 * What `Message.beforeSave` and `parseUrlsInMessage` add to a user message (MS, SMF; research notes
 * issue 11 §A), reduced to a modelled subset:
 * - `mentions`: `@all`/`@here` (with `mention-all`/`mention-here`) as `{_id, username}`, then
 *   `@username` of existing users as `{_id, username, name, type: 'user'}`;
 * - `channels`: `#name` of existing rooms as `{_id, name}`;
 * - `md`: one `PARAGRAPH` per line of `PLAIN_TEXT`, `MENTION_USER`, `MENTION_CHANNEL`, `EMOJI`
 *   (known shortnames) and `LINK` (bare http/https URLs) nodes; a line of one to three emoji is a
 *   `BIG_EMOJI`; an empty line a `LINE_BREAK`. No bold, italic, code, quotes or lists;
 * - `urls`: each http/https URL as `{url}`, plus `ignoreParse: true` when `previewUrls` was sent
 *   without it.
 */

const TOKEN = /(?<=^|\s)(@[0-9a-zA-Z\-_.]+|#[0-9a-zA-Z\-_.]+|:[a-z0-9_+-]+:|https?:\/\/[^\s<>]+)/g;
const URL = /https?:\/\/[^\s<>]+/g;

export interface ParsedMessage {
  readonly mentions: Record<string, unknown>[];
  readonly channels: Record<string, unknown>[];
  readonly md: Record<string, unknown>[];
  readonly urls: Record<string, unknown>[] | undefined;
}

/** Parses `msg` of a message `sender` writes. */
export function parseMessage(store: RocketChatStore, sender: StoredUser, msg: string, previewUrls: readonly string[] | undefined): ParsedMessage {
  return {
    mentions: mentionsOf(store, sender, msg),
    channels: channelsOf(store, msg),
    md: markdownOf(msg),
    urls: urlsOf(msg, previewUrls),
  };
}

function tokens(msg: string, prefix: string): string[] {
  const out: string[] = [];
  for (const match of msg.matchAll(TOKEN)) {
    const token = match[0];
    if (token.startsWith(prefix)) out.push(token.slice(1));
  }
  return [...new Set(out)];
}

function mentionsOf(store: RocketChatStore, sender: StoredUser, msg: string): Record<string, unknown>[] {
  const names = tokens(msg, '@');
  const out: Record<string, unknown>[] = [];
  if (names.includes('all') && store.authz.hasPermission(sender, 'mention-all')) out.push({ _id: 'all', username: 'all' });
  if (names.includes('here') && store.authz.hasPermission(sender, 'mention-here')) out.push({ _id: 'here', username: 'here' });
  for (const name of names) {
    if (name === 'all' || name === 'here') continue;
    const user = store.users.byUsername(name);
    if (user) out.push({ _id: user._id, username: user.username, name: user.name, type: 'user' });
  }
  return out;
}

function channelsOf(store: RocketChatStore, msg: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const name of tokens(msg, '#')) {
    const room = store.rooms.roomByName(name);
    if (room) out.push({ _id: room._id, name: room.name });
  }
  return out;
}

function urlsOf(msg: string, previewUrls: readonly string[] | undefined): Record<string, unknown>[] | undefined {
  const urls = [...new Set(msg.match(URL) ?? [])];
  if (urls.length === 0) return undefined;
  return urls.map((url) => (previewUrls !== undefined && !previewUrls.includes(url) ? { url, ignoreParse: true } : { url }));
}

const plain = (value: string): Record<string, unknown> => ({ type: 'PLAIN_TEXT', value });
const emojiNode = (shortCode: string): Record<string, unknown> => ({ type: 'EMOJI', value: plain(shortCode), shortCode });

function markdownOf(msg: string): Record<string, unknown>[] {
  if (msg === '') return [];
  return msg.split('\n').map((line) => {
    if (line === '') return { type: 'LINE_BREAK' };
    const inline = inlineOf(line);
    const emojiOnly = inline.filter((node) => !(node.type === 'PLAIN_TEXT' && String(node.value).trim() === ''));
    if (emojiOnly.length > 0 && emojiOnly.length <= 3 && emojiOnly.every((node) => node.type === 'EMOJI')) return { type: 'BIG_EMOJI', value: emojiOnly };
    return { type: 'PARAGRAPH', value: inline };
  });
}

function inlineOf(line: string): Record<string, unknown>[] {
  const nodes: Record<string, unknown>[] = [];
  let text = '';
  let last = 0;
  const flush = (): void => {
    if (text !== '') nodes.push(plain(text));
    text = '';
  };
  for (const match of line.matchAll(TOKEN)) {
    const token = match[0];
    const node = nodeOf(token);
    text += line.slice(last, match.index);
    last = match.index + token.length;
    if (!node) {
      text += token;
      continue;
    }
    flush();
    nodes.push(node);
  }
  text += line.slice(last);
  flush();
  return nodes;
}

function nodeOf(token: string): Record<string, unknown> | undefined {
  if (token.startsWith('@')) return { type: 'MENTION_USER', value: plain(token.slice(1)) };
  if (token.startsWith('#')) return { type: 'MENTION_CHANNEL', value: plain(token.slice(1)) };
  if (token.startsWith(':')) return isKnownEmoji(token) ? emojiNode(token.slice(1, -1)) : undefined;
  return { type: 'LINK', value: { src: plain(token), label: [plain(token)] } };
}
