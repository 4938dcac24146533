import { describe, expect, it } from 'vitest';
import { uniqueName } from '../../support/http.ts';
import { ACCOUNT_1, auth, BODIES, bodyOf, ID, idSecond, PROJECT_1, roam, timestampSecond, USER_PATH, type Schemas } from './roam-client.ts';
import { authCases } from './shared-cases.ts';

function create(json: unknown) {
  return roam('createUser', USER_PATH, { headers: auth(), json });
}

describe('createUser POST /v1/api/user/ (research §6)', () => {
  it('201 with the documented data, in the documented key order', async () => {
    const res = await create({ app_type: 1, device_token: uniqueName('token') });
    expect(res.status).toBe(201);
    const body = bodyOf(res, 'UserCreated');
    expect(body).toEqual({
      status: true,
      msg: 'User tracking initiated successfully.',
      code: 201,
      data: {
        user_id: body.data.user_id,
        app_id: `${PROJECT_1}_1`,
        description: null,
        geofence_events: false,
        location_events: false,
        trips_events: false,
        nearby_events: false,
        location_listener: false,
        event_listener: false,
        metadata: null,
        sdk_version: '0',
        project_id: PROJECT_1,
        account_id: ACCOUNT_1,
      },
    });
    expect(Object.keys(body.data)).toEqual([
      'user_id',
      'app_id',
      'description',
      'geofence_events',
      'location_events',
      'trips_events',
      'nearby_events',
      'location_listener',
      'event_listener',
      'metadata',
      'sdk_version',
      'project_id',
      'account_id',
    ]);
    expect(body.data.user_id).toMatch(ID);
    const read = await roam('getUser', USER_PATH, { headers: auth(), query: { user_id: body.data.user_id } });
    const createdAt = bodyOf(read, 'UsersFound').data.users[0]?.created_at ?? '';
    expect(idSecond(body.data.user_id)).toBe(timestampSecond(createdAt));
  });

  it('echoes description and metadata; app_type 2 is iOS', async () => {
    const description = uniqueName('ios');
    const res = await create({ app_type: 2, device_token: 't', description, metadata: { plan: 'gold', n: 1 } });
    expect(res.status).toBe(201);
    expect(bodyOf(res, 'UserCreated').data).toMatchObject({ app_id: `${PROJECT_1}_2`, description, metadata: { plan: 'gold', n: 1 } });
  });

  it.each<[string, unknown, Schemas['FieldErrors']]>([
    ['app_type missing', { device_token: 't' }, { app_type: ['This field is required.'] }],
    ['device_token missing', { app_type: 1 }, { device_token: ['This field is required.'] }],
    ['app_type 3', { app_type: 3, device_token: 't' }, { app_type: ['"3" is not a valid choice.'] }],
    ['app_type a string', { app_type: 'android', device_token: 't' }, { app_type: ['"android" is not a valid choice.'] }],
    ['app_type null', { app_type: null, device_token: 't' }, { app_type: ['This field may not be null.'] }],
    ['device_token a number', { app_type: 1, device_token: 5 }, { device_token: ['Not a valid string.'] }],
    ['description a bool', { app_type: 1, device_token: 't', description: true }, { description: ['Not a valid string.'] }],
    ['metadata a list', { app_type: 1, device_token: 't', metadata: [] }, { metadata: ['Expected a dictionary of items but got type "list".'] }],
  ])('400 GS402 when %s', async (_name, json, details) => {
    const res = await create(json);
    expect(res.status).toBe(400);
    expect(res.json).toEqual(BODIES.fields(details));
  });

  it('keeps a __proto__ key in metadata as data', async () => {
    const res = await roam('createUser', USER_PATH, {
      headers: auth(undefined, { 'content-type': 'application/json' }),
      body: '{"app_type":1,"device_token":"t","metadata":{"__proto__":{"admin":true}}}',
    });
    expect(res.status).toBe(201);
    expect(res.text).toContain('"metadata":{"__proto__":{"admin":true}}');
  });

  authCases('createUser', 'POST', USER_PATH);
});
