import type { StoredRoom, StoredUser } from '../model.ts';
import { own } from '../parse-body.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { messageErrors } from './message-errors.ts';

/**
 * `validateMessage(message, room, user)` of sendMessage (SMF @ff1c3912): Meteor `check`s of the
 * message and attachment fields (`objectMaybeIncluding`: only fields that are not null), link
 * fields that must be http(s) URLs (never `javascript:`), `alias`/`avatar` only with
 * `message-impersonate`, and `customFields` only with `Message_CustomFields_Enabled`.
 *
 * Meteor's check reports a nested failure by wrapping it: every `check` inside a `Match.Where`
 * adds one `Match error: ` prefix, and the field is named at the end (`… in field title`).
 */

type Pattern = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'stringOrNumber' | 'stringNumberOrBoolean' | 'fullUrl' | 'partialUrl';

/** A failed check: the message (without the outer `Match error: `) or a plain Error text. */
type Refusal = { readonly match: string } | { readonly error: string };

const MESSAGE_FIELDS: readonly (readonly [string, Pattern])[] = [
  ['_id', 'string'], ['msg', 'string'], ['text', 'string'], ['alias', 'string'], ['emoji', 'string'], ['tmid', 'string'],
  ['tshow', 'boolean'], ['avatar', 'partialUrl'], ['attachments', 'array'], ['blocks', 'array'],
];

const ATTACHMENT_FIELDS: readonly (readonly [string, Pattern])[] = [
  ['color', 'string'], ['text', 'string'], ['ts', 'stringOrNumber'], ['thumb_url', 'fullUrl'], ['button_alignment', 'string'],
  ['actions', 'array'], ['message_link', 'fullUrl'], ['collapsed', 'boolean'], ['author_name', 'string'], ['author_link', 'fullUrl'],
  ['author_icon', 'fullUrl'], ['title', 'string'], ['title_link', 'fullUrl'], ['title_link_download', 'boolean'],
  ['image_dimensions', 'object'], ['image_url', 'fullUrl'], ['image_preview', 'string'], ['image_type', 'string'],
  ['image_size', 'number'], ['audio_url', 'fullUrl'], ['audio_type', 'string'], ['audio_size', 'number'], ['video_url', 'fullUrl'],
  ['video_type', 'string'], ['video_size', 'number'], ['fields', 'array'],
];

const FIELD_FIELDS: readonly (readonly [string, Pattern])[] = [['short', 'boolean'], ['title', 'string'], ['value', 'stringNumberOrBoolean']];

const ACTION_FIELDS: readonly (readonly [string, Pattern])[] = [
  ['type', 'string'], ['text', 'string'], ['url', 'fullUrl'], ['image_url', 'fullUrl'], ['is_webview', 'boolean'],
  ['webview_height_ratio', 'string'], ['msg', 'string'], ['msg_in_chat_window', 'boolean'],
];

/** Runs the vendor's checks on a message about to be stored in `room` by `user`. */
export function validateMessageFields(store: RocketChatStore, message: object, room: StoredRoom, user: StoredUser): Result<true> {
  const refused = checkFields(message, MESSAGE_FIELDS);
  if (refused) return err(asFailure(refused));
  const alias = own(message, 'alias');
  const avatar = own(message, 'avatar');
  if ((truthy(alias) || truthy(avatar)) && !store.authz.hasPermission(user, 'message-impersonate', room._id)) {
    return err(messageErrors.notEnoughPermission());
  }
  const attachments = own(message, 'attachments');
  for (const attachment of Array.isArray(attachments) ? (attachments as unknown[]) : []) {
    const problem = checkAttachment(attachment);
    if (problem) return err(asFailure(problem));
  }
  // validateCustomMessageFields: Message_CustomFields_Enabled is off unless a setting says so.
  if (truthy(own(message, 'customFields')) && store.settings.get('Message_CustomFields_Enabled') !== true) {
    return err(messageErrors.customFieldsDisabled());
  }
  return ok(true);
}

function truthy(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && value !== false && value !== 0;
}

function asFailure(refusal: Refusal) {
  return 'error' in refusal ? { success: false as const, error: refusal.error } : messageErrors.matchError(refusal.match);
}

function checkAttachment(attachment: unknown): Refusal | undefined {
  const refused = checkFields(attachment, ATTACHMENT_FIELDS);
  if (refused) return refused;
  for (const field of listOf(own(attachment, 'fields'))) {
    const problem = checkFields(field, FIELD_FIELDS);
    if (problem) return problem;
  }
  for (const action of listOf(own(attachment, 'actions'))) {
    const problem = checkFields(action, ACTION_FIELDS);
    if (problem) return problem;
  }
  return undefined;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** `check(value, objectMaybeIncluding(fields))`: the first failing non-null field. */
function checkFields(value: unknown, fields: readonly (readonly [string, Pattern])[]): Refusal | undefined {
  if (value === null || value === undefined) {
    // `value[field]` on null throws a TypeError, which is not a Match.Error and surfaces as is.
    const [first] = fields;
    return { error: `Cannot read properties of ${value === null ? 'null' : 'undefined'} (reading '${first?.[0] ?? ''}')` };
  }
  for (const [field, pattern] of fields) {
    const fieldValue = own(value, field);
    if (fieldValue === null || fieldValue === undefined) continue;
    const problem = matches(fieldValue, pattern);
    if (problem === undefined) continue;
    if ('error' in problem) return problem;
    return { match: `Match error: ${problem.match} in field ${field}` };
  }
  return undefined;
}

function got(value: unknown): string {
  return value === null ? 'null' : typeof value;
}

/** One Meteor pattern; undefined when it holds. */
function matches(value: unknown, pattern: Pattern): Refusal | undefined {
  switch (pattern) {
    case 'string':
    case 'number':
    case 'boolean':
      return typeof value === pattern ? undefined : { match: `Expected ${pattern}, got ${got(value)}` };
    case 'object':
      return typeof value === 'object' ? undefined : { match: `Expected object, got ${got(value)}` };
    case 'array':
      return Array.isArray(value) ? undefined : { match: `Expected array, got ${got(value)}` };
    case 'stringOrNumber':
      return typeof value === 'string' || typeof value === 'number' ? undefined : { match: 'Failed Match.OneOf, Match.Maybe or Match.Optional validation' };
    case 'stringNumberOrBoolean':
      return ['string', 'number', 'boolean'].includes(typeof value) ? undefined : { match: 'Failed Match.OneOf, Match.Maybe or Match.Optional validation' };
    case 'fullUrl':
    case 'partialUrl':
      return urlProblem(value, pattern === 'partialUrl');
  }
}

/** validFullURLParam / validPartialURLParam: a `Match.Where` around `check(value, String)`. */
function urlProblem(value: unknown, relativeAllowed: boolean): Refusal | undefined {
  if (typeof value !== 'string') return { match: `Match error: Expected string, got ${got(value)}` };
  const isUrl = /^(?:https?:\/\/|data:)/i.test(value);
  const isRelative = relativeAllowed && /^\/[^/]/.test(value);
  if ((!isUrl && !isRelative && !value.startsWith('/file-upload/')) || /^javascript:/i.test(value)) return { error: 'Invalid href value provided' };
  return undefined;
}
