import { describe, expect, it } from 'vitest';
// The package's typed clients, as a frontend imports them (package.json "exports": ./clients).
import { createRoamClient, createRocketChatClient } from 'api-twin/clients';
import { expectConforms } from '../support/conform.ts';
import { baseUrl, uniqueName, type WireResponse } from '../support/http.ts';

const session = process.env.MOCK_SESSION;
const extra: Record<string, string> = session === undefined ? {} : { 'X-Mock-Session': session };

/** openapi-fetch's raw Response, read into the shape expectConforms takes. */
function wire(response: Response, data: unknown, error: unknown): WireResponse {
  const json = data ?? error;
  return { status: response.status, headers: response.headers, text: JSON.stringify(json), json };
}

describe('createRocketChatClient (openapi-fetch + generated types)', () => {
  const rc = createRocketChatClient(baseUrl, { headers: { ...extra } });

  it('logs in, creates a group with the minted token, and reads it back', async () => {
    const login = await rc.POST('/api/v1/login', { body: { user: 'tester', password: 'tester' } });
    await expectConforms('rocketchat', 'login', wire(login.response, login.data, login.error));
    expect(login.data?.status).toBe('success');
    const auth = { 'X-User-Id': login.data?.data.userId ?? '', 'X-Auth-Token': login.data?.data.authToken ?? '' };
    const name = uniqueName('typed-client');
    const created = await rc.POST('/api/v1/groups.create', { headers: auth, body: { name, members: ['rocket.cat'] } });
    await expectConforms('rocketchat', 'groupsCreate', wire(created.response, created.data, created.error));
    expect(created.data?.group.name).toBe(name);
    const info = await rc.GET('/api/v1/groups.info', { headers: auth, params: { query: { roomName: name } } });
    await expectConforms('rocketchat', 'groupsInfo', wire(info.response, info.data, info.error));
    expect(info.data?.group._id).toBe(created.data?.group._id);
  });

  it('returns the vendor 401 as a typed error', async () => {
    const res = await rc.POST('/api/v1/groups.create', { body: { name: uniqueName('no-auth') } });
    expect(res.response.status).toBe(401);
    await expectConforms('rocketchat', 'groupsCreate', wire(res.response, res.data, res.error));
  });
});

describe('createRoamClient (openapi-fetch + generated types)', () => {
  const roam = createRoamClient(baseUrl, { headers: { 'Api-Key': '289eb8eb262140629664078bec76d60c', ...extra } });

  it('creates a group and reads it back by id', async () => {
    const created = await roam.POST('/v1/api/group/', { body: { description: uniqueName('typed'), users: ['62eb672606f8a0093ab8e3ab'] } });
    await expectConforms('roam', 'createGroup', wire(created.response, created.data, created.error));
    expect(created.response.status).toBe(201);
    const id = created.data?.data.group_id ?? '';
    const read = await roam.GET('/v1/api/group/', { params: { query: { group_id: id } } });
    await expectConforms('roam', 'getGroups', wire(read.response, read.data, read.error));
    expect(JSON.stringify(read.data)).toContain(id);
  });

  it('returns the vendor 400 as a typed error', async () => {
    const res = await roam.POST('/v1/api/group/', { body: { users: ['not-an-id'] } });
    expect(res.response.status).toBe(400);
    await expectConforms('roam', 'createGroup', wire(res.response, res.data, res.error));
  });
});
