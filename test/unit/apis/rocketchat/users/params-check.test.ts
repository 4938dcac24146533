import { describe, expect, it } from 'vitest';
import { vendorParamsFailure } from '../../../../../src/apis/rocketchat/users/params-check.ts';
import { USERS_CREATE_SCHEMA, USERS_UPDATE_SCHEMA } from '../../../../../src/apis/rocketchat/users/vendor-schemas.ts';
import { specDocument } from '../support.ts';

const invalid = (error: string) => ({ success: false, error: `${error} [invalid-params]`, errorType: 'invalid-params' });

interface JsonSchema {
  readonly type?: unknown;
  readonly nullable?: boolean;
  readonly properties?: Record<string, JsonSchema>;
  readonly required?: readonly string[];
  readonly additionalProperties?: unknown;
  readonly minLength?: number;
  readonly items?: JsonSchema;
}

/** The spec's schema as the vendor writes it: no descriptions, no `additionalProperties: true`. */
function asVendor(schema: JsonSchema): unknown {
  const { properties, items, ...rest } = schema;
  const out: Record<string, unknown> = { ...rest };
  delete out.description;
  if (out.additionalProperties === true) delete out.additionalProperties;
  if (properties) out.properties = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, asVendor(v)]));
  if (items) out.items = asVendor(items);
  return out;
}

function specSchema(name: string): JsonSchema {
  const doc = specDocument() as { components: { schemas: Record<string, JsonSchema> } };
  const schema = doc.components.schemas[name];
  if (!schema) throw new Error(name);
  return schema;
}

/** Vendor schema without the keys the comparison ignores (`required: []`). */
function normalised(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema, (key, value: unknown) => (key === 'required' && Array.isArray(value) && value.length === 0 ? undefined : value)));
}

describe('the spec describes exactly the vendor schemas that validateParams runs', () => {
  it.each([
    ['UsersCreateRequest', USERS_CREATE_SCHEMA],
    ['UsersUpdateRequest', USERS_UPDATE_SCHEMA],
  ])('%s', (name, vendor) => {
    expect(normalised(asVendor(specSchema(name)))).toEqual(normalised(vendor));
    // Property order decides which failure ajv reports first.
    expect(Object.keys(specSchema(name).properties ?? {})).toEqual(Object.keys(vendor.properties));
  });
});

describe('validateParams (7.x form: messages + " [invalid-params]")', () => {
  it('users.create: the first missing required property, in the vendor order', () => {
    expect(vendorParamsFailure('usersCreate', {})).toEqual(invalid("must have required property 'email'"));
    expect(vendorParamsFailure('usersCreate', { email: 'a@b.c', name: 'n', username: 'u' })).toEqual(invalid("must have required property 'password'"));
    expect(vendorParamsFailure('usersCreate', { email: 'a@b.c', name: 'n', password: 'p' })).toEqual(invalid("must have required property 'username'"));
  });

  it('users.create: unknown keys and wrong types; coercion as the vendor does', () => {
    const base = { email: 'a@b.c', name: 'n', password: 'p', username: 'u' };
    expect(vendorParamsFailure('usersCreate', { ...base, joinDefault: true })).toEqual(invalid('must NOT have additional properties'));
    expect(vendorParamsFailure('usersCreate', { ...base, roles: 'user' })).toEqual(invalid('must be array'));
    expect(vendorParamsFailure('usersCreate', { ...base, customFields: 'x' })).toEqual(invalid('must be object'));
    expect(vendorParamsFailure('usersCreate', [])).toEqual(invalid('must be object'));
    const coerced: Record<string, unknown> = { ...base, active: 'true', verified: 'false', joinDefaultChannels: null, bio: 7 };
    expect(vendorParamsFailure('usersCreate', coerced)).toBeUndefined();
    expect(coerced).toMatchObject({ active: true, verified: false, joinDefaultChannels: null, bio: '7' });
  });

  it('users.update: the messages users.ts asserts', () => {
    expect(vendorParamsFailure('usersUpdate', { userId: '', data: {} })).toEqual(invalid('must NOT have fewer than 1 characters'));
    expect(vendorParamsFailure('usersUpdate', { userId: 'x', data: { joinDefaultChannels: true } })).toEqual(invalid('must NOT have additional properties'));
    expect(vendorParamsFailure('usersUpdate', { userId: 'x' })).toEqual(invalid("must have required property 'data'"));
    expect(vendorParamsFailure('usersUpdate', { userId: 'x', data: { active: 'yes' } })).toEqual(invalid('must be boolean'));
    expect(vendorParamsFailure('usersUpdate', { userId: 'x', data: { roles: null, customFields: null } })).toBeUndefined();
  });

  it('users.info: every anyOf branch reports, joined by a newline and a space', () => {
    expect(vendorParamsFailure('usersInfo', {})).toEqual(
      invalid("must have required property 'userId'\n must have required property 'username'\n must have required property 'importId'\n must match a schema in anyOf"),
    );
    expect(vendorParamsFailure('usersInfo', { userId: 'a', username: 'b' })).toEqual(
      invalid("must NOT have additional properties\n must NOT have additional properties\n must have required property 'importId'\n must match a schema in anyOf"),
    );
    expect(vendorParamsFailure('usersInfo', { userId: ['a', 'b'] })).toEqual(
      invalid("must be string\n must have required property 'username'\n must have required property 'importId'\n must match a schema in anyOf"),
    );
    expect(vendorParamsFailure('usersInfo', { username: 'x', includeUserRooms: 'true', fields: '{"userRooms":1}' })).toBeUndefined();
  });
});
