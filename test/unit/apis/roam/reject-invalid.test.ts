import { beforeAll, describe, expect, it } from 'vitest';
import { roamApi } from '../../../../src/apis/roam/index.ts';
import { rejectRoamInvalid } from '../../../../src/apis/roam/reject-invalid.ts';
import type { ParsedInput, ValidationIssue } from '../../../../src/core/api.ts';
import { SpecRouter } from '../../../../src/core/spec-router.ts';

const gs402 = (details: unknown) => ({
  status: 400,
  body: { status: false, msg: 'Error Occured.', code: 400, error: { ErrorCode: 'GS402', ErrorMessage: 'Invalid request', details } },
});
const MALFORMED = { status: 400, body: { status: false, msg: 'Unknown Error.', code: 400, error: { ErrorCode: 'GS400', ErrorMessage: 'An error occured' } } };

function input(body: unknown, query: ParsedInput['query'] = {}): ParsedInput {
  return { body, query, params: {}, headers: {} };
}

function issue(instancePath: string, keyword: string, params: Record<string, unknown> = {}): ValidationIssue {
  return { instancePath, keyword, params, message: keyword };
}

describe('rejectRoamInvalid: issue → DRF message', () => {
  it('required', () => {
    const result = rejectRoamInvalid('addUsersToGroup', input({}), [issue('/requestBody', 'required', { missingProperty: 'group_id' })]);
    expect(result).toEqual(gs402({ group_id: ['This field is required.'] }));
  });

  it('null', () => {
    const result = rejectRoamInvalid('createGroup', input({ users: null }), [issue('/requestBody/users', 'type', { type: 'array' })]);
    expect(result).toEqual(gs402({ users: ['This field may not be null.'] }));
  });

  it('not a string', () => {
    const result = rejectRoamInvalid('createGroup', input({ description: 5 }), [issue('/requestBody/description', 'type', { type: 'string' })]);
    expect(result).toEqual(gs402({ description: ['Not a valid string.'] }));
  });

  it.each([
    ['abc', 'str'],
    [7, 'int'],
    [1.5, 'float'],
    [true, 'bool'],
    [{ a: 1 }, 'dict'],
  ])('not a list: %j → "%s"', (value, typeName) => {
    const result = rejectRoamInvalid('createGroup', input({ users: value }), [issue('/requestBody/users', 'type', { type: 'array' })]);
    expect(result).toEqual(gs402({ users: [`Expected a list of items but got type "${typeName}".`] }));
  });

  it.each([
    ['abc', '"abc" is not a valid ObjectId.'],
    [5, '"5" is not a valid ObjectId.'],
    [false, '"False" is not a valid ObjectId.'],
    [null, 'This field may not be null.'],
  ])('list item %j → ListField child error keyed by index', (value, message) => {
    const result = rejectRoamInvalid('createGroup', input({ users: ['62eb672606f8a0093ab8e3ab', value] }), [
      issue('/requestBody/users/1', typeof value === 'string' ? 'pattern' : 'type', { type: 'string' }),
    ]);
    expect(result).toEqual(gs402({ users: { '1': [message] } }));
  });

  it('invalid ObjectId in an id field', () => {
    const result = rejectRoamInvalid('updateGroup', input({ group_id: 'xyz' }), [issue('/requestBody/group_id', 'pattern', { pattern: '^[0-9a-fA-F]{24}$' })]);
    expect(result).toEqual(gs402({ group_id: ['"xyz" is not a valid ObjectId.'] }));
  });

  it('invalid choice', () => {
    const result = rejectRoamInvalid('createUser', input({ app_type: 3, device_token: 't' }), [issue('/requestBody/app_type', 'enum', { allowedValues: [1, 2] })]);
    expect(result).toEqual(gs402({ app_type: ['"3" is not a valid choice.'] }));
  });

  it('not a dict', () => {
    const result = rejectRoamInvalid('createUser', input({ metadata: [1] }), [issue('/requestBody/metadata', 'type', { type: 'object' })]);
    expect(result).toEqual(gs402({ metadata: ['Expected a dictionary of items but got type "list".'] }));
  });

  it('several fields: one entry each, in issue order', () => {
    const result = rejectRoamInvalid('createUser', input({ description: 1 }), [
      issue('/requestBody', 'required', { missingProperty: 'device_token' }),
      issue('/requestBody/description', 'type', { type: 'string' }),
      issue('/requestBody', 'required', { missingProperty: 'app_type' }),
    ]);
    expect(JSON.stringify(result?.body.error)).toBe(
      '{"ErrorCode":"GS402","ErrorMessage":"Invalid request","details":{"device_token":["This field is required."],"description":["Not a valid string."],"app_type":["This field is required."]}}',
    );
  });

  it('query parameters: integer, minimum, ObjectId, date', () => {
    const query = { page_number: 'x', user_id: 'nope', start_date: '2022', end_date: '2022-01-02' };
    const result = rejectRoamInvalid('getUser', input(undefined, query), [issue('/query/page_number', 'type', { type: 'integer' })]);
    expect(result).toEqual(
      gs402({
        user_id: ['"nope" is not a valid ObjectId.'],
        page_number: ['A valid integer is required.'],
        start_date: ['Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'],
      }),
    );
    const zero = rejectRoamInvalid('getGroups', input(undefined, { page_number: '0' }), [issue('/query/page_number', 'minimum', { limit: 1 })]);
    expect(zero).toEqual(gs402({ page_number: ['Ensure this value is greater than or equal to 1.'] }));
  });

  it('unknown query parameters alone are ignored, as Django does', () => {
    const issues = [issue('/query', 'additionalProperties', { additionalProperty: 'foo' })];
    expect(rejectRoamInvalid('getGroups', input(undefined, { foo: '1', page_number: '2' }), issues)).toBeUndefined();
    expect(rejectRoamInvalid('getGroups', input(undefined, { foo: '1', page_number: 'two' }), issues)).toEqual(gs402({ page_number: ['A valid integer is required.'] }));
  });

  it('a body that is not an object, or is missing, is the catch-all GS400', () => {
    expect(rejectRoamInvalid('createGroup', input([]), [issue('/requestBody', 'type', { type: 'object' })])).toEqual(MALFORMED);
    expect(rejectRoamInvalid('createGroup', input(undefined), [issue('', 'required', { missingProperty: 'requestBody' })])).toEqual(MALFORMED);
  });

  it('never reads inherited properties', () => {
    const result = rejectRoamInvalid('createGroup', input({}), [issue('/requestBody/constructor', 'type', { type: 'string' })]);
    expect(result).toEqual(gs402({ constructor: ['Not a valid string.'] }));
    expect(Object.hasOwn(result?.body.error ?? {}, 'details')).toBe(true);
  });
});

describe('rejectRoamInvalid on real openapi-backend issues', () => {
  let router: SpecRouter;
  beforeAll(async () => {
    router = await SpecRouter.load(roamApi.specPath);
  });

  function reject(method: string, path: string, body: unknown, query: ParsedInput['query'] = {}) {
    const match = router.match(method, path);
    if (!match) throw new Error(`no route ${method} ${path}`);
    const parsed = input(body, query);
    const { issues } = router.validate(match, method, path, parsed);
    expect(issues.length).toBeGreaterThan(0);
    return rejectRoamInvalid(match.operationId, parsed, issues);
  }

  it.each([
    ['POST', '/v1/api/group/', { users: 'abc' }, { users: ['Expected a list of items but got type "str".'] }],
    ['POST', '/v1/api/group/', { users: ['abc'] }, { users: { '0': ['"abc" is not a valid ObjectId.'] } }],
    ['POST', '/v1/api/group/', { users: [12] }, { users: { '0': ['"12" is not a valid ObjectId.'] } }],
    ['POST', '/v1/api/group/', { description: ['x'] }, { description: ['Not a valid string.'] }],
    ['POST', '/v1/api/group/', { description: null }, { description: ['This field may not be null.'] }],
    ['PUT', '/v1/api/group/', { description: 'x' }, { group_id: ['This field is required.'] }],
    ['PUT', '/v1/api/group/', { group_id: 'abc' }, { group_id: ['"abc" is not a valid ObjectId.'] }],
    ['POST', '/v1/api/group/user/', { group_id: '600959fdffb3fb11b5c66b58' }, { users: ['This field is required.'] }],
    ['PUT', '/v1/api/group/user/', { group_id: '600959fdffb3fb11b5c66b58', users: 5 }, { users: ['Expected a list of items but got type "int".'] }],
    ['POST', '/v1/api/user/', { app_type: '1', device_token: 't' }, { app_type: ['"1" is not a valid choice.'] }],
    ['POST', '/v1/api/user/', { app_type: 1 }, { device_token: ['This field is required.'] }],
    ['POST', '/v1/api/user/', { app_type: 1, device_token: 5 }, { device_token: ['Not a valid string.'] }],
    ['POST', '/v1/api/user/', { app_type: 1, device_token: 't', metadata: 'x' }, { metadata: ['Expected a dictionary of items but got type "str".'] }],
  ])('%s %s %j', (method, path, body, details) => {
    expect(reject(method, path, body)).toEqual(gs402(details));
  });

  it.each([
    ['/v1/api/group/', { page_number: 'abc' }, { page_number: ['A valid integer is required.'] }],
    ['/v1/api/group/', { page_number: '-1' }, { page_number: ['Ensure this value is greater than or equal to 1.'] }],
    ['/v1/api/group/', { group_id: 'abc', extra: 'ignored' }, { group_id: ['"abc" is not a valid ObjectId.'] }],
    ['/v1/api/user/', { user_id: '123' }, { user_id: ['"123" is not a valid ObjectId.'] }],
    ['/v1/api/user/', { end_date: '01/02/2022' }, { end_date: ['Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'] }],
  ])('GET %s %j', (path, query, details) => {
    expect(reject('GET', path, undefined, query)).toEqual(gs402(details));
  });
});
