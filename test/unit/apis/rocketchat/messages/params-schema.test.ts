import { describe, expect, it } from 'vitest';
import { checkParams, joinLegacy, joinTyped } from '../../../../../src/apis/rocketchat/messages/params-schema.ts';
import { DELETE_BODY, GROUPS_FILES_QUERY, GROUPS_MESSAGES_QUERY, MESSAGE_ID_BODY, POST_MESSAGE_BODY, REACT_BODY, SEND_MESSAGE_BODY } from '../../../../../src/apis/rocketchat/messages/request-schemas.ts';

const messages = (schema: Parameters<typeof checkParams>[0], value: unknown) => {
  const result = checkParams(schema, value);
  return result.ok ? undefined : result.messages;
};

describe('checkParams: the vendor ajv (coerceTypes, no allErrors)', () => {
  it('reports the first error of an object: type, required, additional, then properties in order', () => {
    expect(messages(MESSAGE_ID_BODY, [])).toEqual(['must be object']);
    expect(messages(MESSAGE_ID_BODY, {})).toEqual(["must have required property 'messageId'"]);
    expect(messages(MESSAGE_ID_BODY, { messageId: 'x', other: 1 })).toEqual(['must NOT have additional properties']);
    expect(messages(MESSAGE_ID_BODY, { messageId: '' })).toEqual(['must NOT have fewer than 1 characters']);
    expect(messages(DELETE_BODY, { roomId: 'r' })).toEqual(["must have required property 'msgId'"]);
    expect(messages(DELETE_BODY, { msgId: {}, roomId: [] })).toEqual(['must be string']);
    expect(messages(SEND_MESSAGE_BODY, { message: 'text' })).toEqual(['must be object']);
  });

  it('coerces scalars as ajv does and keeps key order', () => {
    expect(checkParams(MESSAGE_ID_BODY, { messageId: 12 })).toEqual({ ok: true, value: { messageId: '12' } });
    expect(checkParams(DELETE_BODY, { asUser: 'true', msgId: 1, roomId: true })).toEqual({ ok: true, value: { asUser: true, msgId: '1', roomId: 'true' } });
    expect(checkParams(DELETE_BODY, { msgId: null, roomId: 'r', asUser: null })).toEqual({ ok: true, value: { msgId: '', roomId: 'r', asUser: null } });
    expect(messages(DELETE_BODY, { msgId: 'm', roomId: 'r', asUser: 'yes' })).toEqual(['must be boolean']);
    expect(checkParams(GROUPS_FILES_QUERY, { roomId: 'r', count: '5' })).toEqual({ ok: true, value: { roomId: 'r', count: 5 } });
    expect(messages(GROUPS_FILES_QUERY, { roomId: 'r', count: 'abc' })).toEqual(['must be number', "must have required property 'roomName'", 'must match exactly one schema in oneOf']);
  });

  it('oneOf: every failing branch, then the oneOf message; two passing branches give only the oneOf message', () => {
    expect(messages(POST_MESSAGE_BODY, {})).toEqual(["must have required property 'roomId'", "must have required property 'channel'", 'must match exactly one schema in oneOf']);
    expect(messages(POST_MESSAGE_BODY, { roomId: 'a', channel: '#b' })).toEqual(['must NOT have additional properties', 'must NOT have additional properties', 'must match exactly one schema in oneOf']);
    expect(messages(POST_MESSAGE_BODY, { channel: '#b', tmid: 't' })).toEqual(["must have required property 'roomId'", 'must NOT have additional properties', 'must match exactly one schema in oneOf']);
    expect(checkParams(POST_MESSAGE_BODY, { roomId: ['a', 'b'] }).ok).toBe(true);
    expect(messages(REACT_BODY, { messageId: 'm' })).toEqual(["must have required property 'emoji'", "must have required property 'reaction'", 'must match exactly one schema in oneOf']);
    expect(messages(GROUPS_MESSAGES_QUERY, { roomId: 'a', roomName: 'b' })).toEqual(['must match exactly one schema in oneOf']);
    expect(messages(GROUPS_FILES_QUERY, { roomId: 'a', roomName: 'b' })).toEqual(['must NOT have additional properties', 'must NOT have additional properties', 'must match exactly one schema in oneOf']);
  });

  it('joins: typed routes by newline, legacy validateParams by newline and space', () => {
    expect(joinTyped(['a', 'b'])).toBe('a\nb');
    expect(joinLegacy(['a', 'b'])).toBe('a\n b');
  });

  it('keeps a "__proto__" key as plain data', () => {
    const value = JSON.parse('{"message":{"rid":"r","__proto__":{"polluted":true}}}') as unknown;
    const result = checkParams(SEND_MESSAGE_BODY, value);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
