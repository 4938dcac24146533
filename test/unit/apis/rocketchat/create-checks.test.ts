import { describe, expect, it } from 'vitest';
import { checkCreateBody } from '../../../../src/apis/rocketchat/rooms/create-checks.ts';
import { rejectRocketChatInvalid } from '../../../../src/apis/rocketchat/reject-invalid.ts';

const NAME_REQUIRED = { success: false, error: 'Body param "name" is required' };
const MEMBERS = { success: false, error: 'Body param "members" must be an array if provided' };
const CUSTOM = { success: false, error: 'Body param "customFields" must be an object if provided' };
const EXTRA = { success: false, error: 'Body param "extraData" must be an object if provided' };

function errorOf(body: unknown): unknown {
  const result = checkCreateBody(body);
  return result.ok ? undefined : result.error;
}

describe('groups.create checks in the vendor order (research §2.2 items 2–6)', () => {
  it('name: missing, empty or any falsy value is "required"', () => {
    for (const body of [{}, { name: '' }, { name: null }, { name: 0 }, { name: false }, [], 'x', null]) {
      expect(errorOf(body)).toEqual(NAME_REQUIRED);
    }
  });

  it('members, customFields, extraData: truthy values of the wrong kind, in that order', () => {
    expect(errorOf({ name: 'a', members: 'bob', customFields: 1, extraData: 1 })).toEqual(MEMBERS);
    expect(errorOf({ name: 'a', members: [], customFields: 'x', extraData: 1 })).toEqual(CUSTOM);
    expect(errorOf({ name: 'a', customFields: true, extraData: 1 })).toEqual(CUSTOM);
    expect(errorOf({ name: 'a', extraData: 'x' })).toEqual(EXTRA);
  });

  it('the body-param checks come before the type check of name', () => {
    expect(errorOf({ name: 123, members: 'bob' })).toEqual(MEMBERS);
    expect(errorOf({ name: 123, extraData: 5 })).toEqual(EXTRA);
  });

  it('Meteor check(): name of another type, then member items (no errorType)', () => {
    expect(errorOf({ name: 123 })).toEqual({ success: false, error: 'Match error: Expected string, got number' });
    expect(errorOf({ name: true })).toEqual({ success: false, error: 'Match error: Expected string, got boolean' });
    expect(errorOf({ name: { a: 1 } })).toEqual({ success: false, error: 'Match error: Expected string, got object' });
    expect(errorOf({ name: 'a', members: [1] })).toEqual({
      success: false,
      error: 'Match error: Expected string, got number in field [0]',
    });
    expect(errorOf({ name: 'a', members: ['x', null] })).toEqual({
      success: false,
      error: 'Match error: Expected string, got null in field [1]',
    });
  });

  it('lets through what the vendor lets through', () => {
    for (const body of [
      { name: 'a' },
      { name: '   ' },
      { name: 'a', members: null, customFields: 0, extraData: '' },
      { name: 'a', customFields: [], extraData: [] },
      { name: 'a', readOnly: 'true', excludeSelf: 'yes', unknown: 1 },
    ]) {
      expect(checkCreateBody(body).ok).toBe(true);
    }
  });

  it('hands over the arguments the method receives', () => {
    const result = checkCreateBody({ name: ' a ', members: ['x'], readOnly: 'true', customFields: { k: 1 }, extraData: null });
    expect(result).toEqual({
      ok: true,
      args: { name: ' a ', members: ['x'], readOnly: 'true', excludeSelf: undefined, customFields: { k: 1 }, extraData: undefined },
    });
  });
});

describe('rejectRocketChatInvalid', () => {
  const input = (body: unknown) => ({ body, query: {}, params: {}, headers: {} });

  it('answers groups.create schema misses with the first vendor check', () => {
    expect(rejectRocketChatInvalid('groupsCreate', input({ members: 'x' }))).toEqual({ status: 400, body: NAME_REQUIRED });
    expect(rejectRocketChatInvalid('groupsCreate', input({ name: 5 }))).toEqual({
      status: 400,
      body: { success: false, error: 'Match error: Expected string, got number' },
    });
  });

  it('lets the handler run when the vendor would accept the body', () => {
    expect(rejectRocketChatInvalid('groupsCreate', input({ name: 'a', readOnly: 'true' }))).toBeUndefined();
  });

  it('never rejects the other operations: their handlers answer the vendor errors', () => {
    expect(rejectRocketChatInvalid('groupsDelete', input({ roomId: 5 }))).toBeUndefined();
    expect(rejectRocketChatInvalid('groupsList', input(undefined))).toBeUndefined();
  });
});
