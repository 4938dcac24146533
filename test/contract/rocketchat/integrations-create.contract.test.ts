import { describe, expect, it } from 'vitest';
import { ADMIN, adminAuth, expectMiddlewareHeaders, expectRouteHeaders, messageGroup } from './messages-client.ts';
import { auth, bodyOf, NOT_LOGGED_IN, rc, roomName, TESTER_ID, TIMESTAMP, type Schemas } from './rocketchat-client.ts';

function create(json: unknown, headers: Record<string, string>) {
  return rc('integrationsCreate', 'integrations.create', { headers, json });
}

/** groups.ts `createIntegration`. */
function incoming(channel: string, extra: Record<string, unknown> = {}) {
  return { type: 'webhook-incoming', name: 'Incoming test', enabled: true, alias: 'test', username: 'rocket.cat', scriptEnabled: false, overrideDestinationChannelEnabled: true, channel, ...extra };
}

describe('POST /api/v1/integrations.create (research notes issue 11 §7.1)', () => {
  it('200: the stored incoming webhook', async () => {
    const admin = await adminAuth();
    const group = await messageGroup(roomName('int'));
    await rc('groupsInvite', 'groups.invite', { headers: auth(), json: { roomId: group._id, username: ADMIN } });
    const res = await create(incoming(`#${group.name}`), admin);
    expect(res.status).toBe(200);
    expectRouteHeaders(res);
    const { integration } = bodyOf(res, 'IntegrationsCreateResponse');
    expect(integration._id).toMatch(/^[0-9a-f]{24}$/);
    expect(integration.token).toMatch(/^[23456789A-HJ-NP-Za-km-z]{48}$/);
    expect(integration._createdAt).toMatch(TIMESTAMP);
    expect(res.json).toEqual({
      integration: {
        ...incoming(''),
        channel: [`#${group.name}`],
        token: integration.token,
        userId: 'rocket.cat',
        _createdAt: integration._createdAt,
        _createdBy: { _id: ADMIN, username: ADMIN },
        _id: integration._id,
      },
      success: true,
    });
  });

  it('400s in the vendor order', async () => {
    const admin = await adminAuth();
    const cases: [unknown, Record<string, string>, Schemas['Failure']][] = [
      [{}, admin, { success: false, errorType: 'invalid-params', error: "must have required property 'type'\nmust have required property 'type'\nmust match exactly one schema in oneOf" }],
      [incoming('#general'), auth(), { success: false, error: 'Unauthorized [not_authorized]', errorType: 'not_authorized', details: { method: 'addIncomingIntegration' } }],
      [incoming('general'), admin, { success: false, error: 'Invalid channel. Start with @ or # [error-invalid-channel-start-with-chars]', errorType: 'error-invalid-channel-start-with-chars', details: { method: 'updateIncomingIntegration' } }],
      [incoming('#general', { username: roomName('nobody') }), admin, { success: false, error: 'Invalid user [error-invalid-user]', errorType: 'error-invalid-user', details: { method: 'addIncomingIntegration' } }],
      [incoming(`#${roomName('none')}`), admin, { success: false, error: 'Invalid room [error-invalid-room]', errorType: 'error-invalid-room', details: { method: 'addIncomingIntegration' } }],
      [{ type: 'webhook-outgoing', name: 'out', enabled: true, username: 'rocket.cat', scriptEnabled: false, event: 'sendMessage', channel: '#general' }, auth(), { success: false, error: '[not_authorized]', errorType: 'not_authorized' }],
      [{ type: 'webhook-outgoing', name: 'out', enabled: true, username: 'rocket.cat', scriptEnabled: false, event: 'nothing', channel: '#general' }, admin, { success: false, error: 'Invalid event type [error-invalid-event-type]', errorType: 'error-invalid-event-type', details: { function: 'validateOutgoing._verifyRequiredFields' } }],
    ];
    for (const [json, headers, expected] of cases) {
      const res = await create(json, headers);
      expect([res.status, res.json], JSON.stringify(json)).toEqual([400, expected]);
      expectRouteHeaders(res);
    }
  });

  it('401 from the authentication middleware', async () => {
    const res = await create(incoming('#general'), auth(TESTER_ID, 'bad'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
  });
});
