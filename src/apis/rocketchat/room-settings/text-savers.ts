import { own } from '../parse-body.ts';
import { extraOf, messageText, systemMessage, UNSET, writeExtra, writeRoom } from './room-writes.ts';
import type { Saver } from './saver.ts';
import { settingsErrors } from './settings-errors.ts';
import { HIDEABLE_MESSAGE_TYPES } from './setting-keys.ts';

/**
 * SRS savers for the room's texts and lists (research notes issue 11 §2 step 9 and "Individual
 * savers"; SRT, SRD, SRA, SRCF, SRSM). Values are stored as sent: the 7.x routes do not type-check
 * them (a system message shows a non-string value as JSON, modelled).
 */

/**
 * `roomTopic` / `roomDescription`: nothing when the value is empty and the room has none, nothing
 * when unchanged; otherwise `$set` and a message carrying the new text.
 */
function textSetting(field: 'topic' | 'description', type: string): Saver {
  return ({ env, room, before, value }) => {
    const current = extraOf(before, field);
    if ((!value && !current) || value === current) return undefined;
    return writeExtra(env, room, { [field]: value }) ?? systemMessage(env, room, type, messageText(value));
  };
}

export const saveTopic: Saver = textSetting('topic', 'room_changed_topic');
export const saveDescription: Saver = textSetting('description', 'room_changed_description');

/**
 * `roomAnnouncement` (SRA): a string is the message; an object is `{message, ...details}`.
 * `announcementDetails` is null for a string (the driver stores undefined as null; GEX shows null).
 */
export const saveAnnouncement: Saver = ({ env, room, before, value }) => {
  const current = extraOf(before, 'announcement');
  if ((!value && !current) || value === current) return undefined;
  let message: unknown = value;
  let details: unknown = null;
  if (typeof value !== 'string') {
    // `({message, ...details} = value)`: own keys of an object; numbers and booleans have none.
    const source: object = typeof value === 'object' && value !== null ? value : {};
    message = own(source, 'message') ?? null;
    details = Object.fromEntries(Object.keys(source).filter((key) => key !== 'message').map((key) => [key, own(source, key)]));
  }
  const failure = writeExtra(env, room, { announcement: message, announcementDetails: details });
  return failure ?? systemMessage(env, room, 'room_changed_announcement', messageText(message));
};

/** A plain object (Meteor's `Match.test(value, Object)`): arrays and null fail. */
function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `roomCustomFields` (SRCF): always saved (SRS compares by reference), replaced rather than
 * merged, `{}` clears; no system message. A non-object is `invalid-roomCustomFields-type`.
 */
export const saveCustomFields: Saver = ({ env, room, value }) => {
  if (!isPlainObject(value)) return settingsErrors.invalidCustomFieldsType();
  const fields = Object.fromEntries(Object.keys(value).filter((key) => key !== '__proto__').map((key) => [key, own(value, key)]));
  return writeRoom(env, room, (draft) => {
    draft.customFields = fields;
  });
};

/**
 * `systemMessages` (SRSM): the message types to hide in this room (`sysMes`). Saved when it
 * differs (JSON) from the stored list; an invalid entry is `Invalid option [invalid-room]`; an
 * empty or falsy list removes `sysMes` (the room then follows `Hide_System_Messages`). No message.
 */
export const saveSystemMessages: Saver = ({ env, room, before, value }) => {
  if (JSON.stringify(value) === JSON.stringify(extraOf(before, 'sysMes'))) return undefined;
  if (value && (!Array.isArray(value) || !value.every((type) => typeof type === 'string' && HIDEABLE_MESSAGE_TYPES.has(type)))) {
    return settingsErrors.invalidSystemMessages();
  }
  return writeExtra(env, room, { sysMes: Array.isArray(value) && value.length > 0 ? [...(value as string[])] : UNSET });
};
