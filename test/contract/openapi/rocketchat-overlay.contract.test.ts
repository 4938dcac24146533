import { describe, expect, it } from 'vitest';
import { expectConforms } from '../../support/conform.ts';
import { expectDocumented } from '../../support/conform-document.ts';
import { send, uniqueName, type WireRequest } from '../../support/http.ts';

/**
 * Vendor overlay: test/openapi/rocketchat-excerpt.yaml (written in the style of Rocket.Chat's
 * published documents) is served next to the hand-modelled Rocket.Chat API of the same prefix.
 * Modelled operations keep their handlers; the document's other operations are answered from it,
 * with credentials checked against the same session: a token the modelled login mints works on both.
 */
const DOC = 'test/openapi/rocketchat-excerpt.yaml';
const NOT_LOGGED_IN = { success: false, error: 'You must be logged in to do this.', status: 'error', message: 'You must be logged in to do this.' };

function inSession(session: string, request: WireRequest = {}): WireRequest {
  return { ...request, headers: { 'X-Mock-Session': session, ...request.headers } };
}

describe('a published-style Rocket.Chat document laid over the modelled API', () => {
  it('both kinds of operation answer in one session, with the token a modelled login minted', async () => {
    const s = uniqueName('overlay');
    const login = await send('/api/v1/login', inSession(s, { json: { user: 'tester', password: 'tester' } }));
    await expectConforms('rocketchat', 'login', login);
    const { userId, authToken } = (login.json as { data: { userId: string; authToken: string } }).data;
    const auth = { 'X-User-Id': userId, 'X-Auth-Token': authToken };

    // Answered by the document (not modelled): its example, with the minted token accepted.
    const channel = await send('/api/v1/channels.create', inSession(s, { headers: auth, json: { name: 'from-the-document' } }));
    await expectDocumented(DOC, 'post-api-v1-channels.create', channel);
    expect(channel.status).toBe(200);
    expect(channel.json).toMatchObject({ success: true, channel: { _id: 'ByehQjC44FwMeiLbX', t: 'c' } });

    // Answered by the modelled handler, in the same session: its own state and envelope.
    const group = await send('/api/v1/groups.create', inSession(s, { headers: auth, json: { name: uniqueName('overlay-group') } }));
    await expectConforms('rocketchat', 'groupsCreate', group);
    expect(group.status).toBe(200);
    expect(group.json).toMatchObject({ success: true, group: { t: 'p', u: { _id: userId } } });
    const me = await send('/api/v1/me', inSession(s, { headers: auth }));
    await expectConforms('rocketchat', 'me', me);
    expect(me.json).toMatchObject({ _id: userId, username: 'tester', success: true });

    // A token minted in this session is unknown to another one, on both kinds of operation.
    const elsewhere = await send('/api/v1/channels.info', inSession(uniqueName('other'), { headers: auth, query: { roomName: 'general' } }));
    expect([elsewhere.status, elsewhere.json]).toEqual([401, NOT_LOGGED_IN]);
    const info = await send('/api/v1/channels.info', inSession(s, { headers: auth, query: { roomName: 'general' } }));
    await expectDocumented(DOC, 'get-api-v1-channels.info', info);
    expect(info.status).toBe(200);

    // After the modelled logout the token is gone for the document's operations too.
    expect((await send('/api/v1/logout', inSession(s, { method: 'POST', headers: auth }))).status).toBe(200);
    const after = await send('/api/v1/channels.create', inSession(s, { headers: auth, json: { name: 'x' } }));
    expect([after.status, after.json]).toEqual([401, NOT_LOGGED_IN]);
  });

  it('the vendor\'s own 401 and wire headers for a document operation without credentials; public ones need none', async () => {
    const none = await send('/api/v1/channels.create', { json: { name: 'x' } });
    await expectDocumented(DOC, 'post-api-v1-channels.create', none);
    expect([none.status, none.json]).toEqual([401, NOT_LOGGED_IN]);
    expect(none.headers.get('x-content-type-options')).toBe('nosniff');
    const info = await send('/api/info');
    await expectDocumented(DOC, 'get-api-info', info);
    expect([info.status, info.json]).toEqual([200, { version: '7.4.0', success: true }]);
    // The document's own validation still applies after the vendor's credentials.
    const invalid = await send('/api/v1/channels.create', { headers: { 'X-User-Id': 'rbAXPnMktTFbNpwtJ', 'X-Auth-Token': 'RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f' }, json: { name: 5 } });
    await expectDocumented(DOC, 'post-api-v1-channels.create', invalid);
    expect([invalid.status, (invalid.json as { errors: unknown[] }).errors]).toEqual([400, [{ pointer: '/body/name', reason: 'must be string' }]]);
  });

  it('the operations report names what the modelled API answers and whose session checks credentials', async () => {
    const res = await send('/__admin/specs/rocketchat-excerpt/operations');
    const report = res.json as { overlays: string; operations: { operationId: string; kind: string; modelledBy?: string; credentialsFrom?: string }[] };
    expect(report.overlays).toBe('rocketchat');
    expect(report.operations.map((op) => [op.operationId, op.modelledBy ?? null, op.credentialsFrom ?? null])).toEqual([
      ['post-api-v1-channels.create', null, 'rocketchat'],
      ['get-api-v1-channels.info', null, 'rocketchat'],
      ['post-api-v1-groups.create', 'rocketchat', 'rocketchat'],
      ['get-api-v1-me', 'rocketchat', 'rocketchat'],
      ['get-api-info', null, null],
    ]);
    const modelled = (await send('/__admin/specs/rocketchat/operations')).json as { overlays: null; operations: { kind: string }[] };
    expect(modelled.overlays).toBeNull();
    expect(new Set(modelled.operations.map((op) => op.kind))).toEqual(new Set(['modelled']));
  });
});
