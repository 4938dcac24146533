import type { ParamSchema } from './params-schema.ts';

/**
 * The vendor's request schemas of the message routes, as params-schema.ts checks them. Sources:
 * rest-typings `v1/chat.ts` @a613cd33 (RTC), the local schemas of `server/api/v1/chat.ts` @412cd3e8
 * (CH8), `GroupsMessagesProps` @7dd56553, `GroupsFilesProps` and `BaseProps` @b810546a (RTG).
 */

const nullableString: ParamSchema = { type: 'string', nullable: true };
const objects: ParamSchema = { type: 'array', nullable: true, items: { type: 'object' } };
const stringOrList: ParamSchema = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };

/** `isChatSendMessageProps`: `message` is open, the top level is closed. */
export const SEND_MESSAGE_BODY: ParamSchema = {
  type: 'object',
  required: ['message'],
  additionalProperties: false,
  properties: {
    message: {
      type: 'object',
      properties: {
        _id: nullableString,
        rid: { type: 'string' },
        tmid: nullableString,
        msg: nullableString,
        alias: nullableString,
        emoji: nullableString,
        tshow: { type: 'boolean', nullable: true },
        avatar: nullableString,
        attachments: objects,
        blocks: objects,
        customFields: { type: 'object', nullable: true },
      },
    },
    previewUrls: { type: 'array', nullable: true, items: { type: 'string' } },
  },
};

const postCommon: Readonly<Record<string, ParamSchema>> = {
  text: nullableString,
  alias: nullableString,
  emoji: nullableString,
  avatar: nullableString,
  attachments: objects,
};

/** `isChatPostMessageProps`: `roomId` (with `tmid`) or `channel`. */
export const POST_MESSAGE_BODY: ParamSchema = {
  oneOf: [
    {
      type: 'object',
      required: ['roomId'],
      additionalProperties: false,
      properties: { roomId: stringOrList, ...postCommon, tmid: { type: 'string' }, customFields: { type: 'object', nullable: true } },
    },
    {
      type: 'object',
      required: ['channel'],
      additionalProperties: false,
      properties: { channel: stringOrList, ...postCommon, customFields: { type: 'object', nullable: true } },
    },
  ],
};

/** CH8's local `{messageId}` schema of chat.pinMessage and chat.starMessage. */
export const MESSAGE_ID_BODY: ParamSchema = {
  type: 'object',
  required: ['messageId'],
  additionalProperties: false,
  properties: { messageId: { type: 'string', minLength: 1 } },
};

/** `isChatReactProps`. */
export const REACT_BODY: ParamSchema = {
  oneOf: [
    {
      type: 'object',
      required: ['emoji', 'messageId'],
      additionalProperties: false,
      properties: { emoji: { type: 'string' }, messageId: { type: 'string', minLength: 1 }, shouldReact: { type: 'boolean', nullable: true } },
    },
    {
      type: 'object',
      required: ['reaction', 'messageId'],
      additionalProperties: false,
      properties: { reaction: { type: 'string' }, messageId: { type: 'string', minLength: 1 }, shouldReact: { type: 'boolean', nullable: true } },
    },
  ],
};

/** `isChatDeleteProps`. */
export const DELETE_BODY: ParamSchema = {
  type: 'object',
  required: ['msgId', 'roomId'],
  additionalProperties: false,
  properties: { msgId: { type: 'string' }, roomId: { type: 'string' }, asUser: { type: 'boolean', nullable: true } },
};

/** `withGroupBaseProperties(properties)`: one branch per room selector, each closed. */
function groupQuery(properties: Readonly<Record<string, ParamSchema>>): ParamSchema {
  return {
    oneOf: [
      { type: 'object', required: ['roomId'], additionalProperties: false, properties: { roomId: { type: 'string' }, ...properties } },
      { type: 'object', required: ['roomName'], additionalProperties: false, properties: { roomName: { type: 'string' }, ...properties } },
    ],
  };
}

const paging: Readonly<Record<string, ParamSchema>> = {
  count: { type: 'number', nullable: true },
  offset: { type: 'number', nullable: true },
  sort: nullableString,
  query: nullableString,
};

/** `GroupsMessagesProps`: both selectors are listed in both branches, so sending both matches two. */
export const GROUPS_MESSAGES_QUERY: ParamSchema = groupQuery({
  roomId: { type: 'string' },
  roomName: { type: 'string' },
  mentionIds: { type: 'string' },
  starredIds: { type: 'string' },
  pinned: { type: 'string' },
  ...paging,
});

/** `GroupsFilesProps` plus G8's filters (modelled: the stored schema predates them). */
export const GROUPS_FILES_QUERY: ParamSchema = groupQuery({
  ...paging,
  name: { type: 'string' },
  typeGroup: { type: 'string' },
  onlyConfirmed: { type: 'string' },
});
