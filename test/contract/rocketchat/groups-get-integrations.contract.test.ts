import { describe, expect, it } from 'vitest';
import { ADMIN, adminAuth, expectMiddlewareHeaders, expectRouteHeaders, messageGroup } from './messages-client.ts';
import { auth, bodyOf, NOT_LOGGED_IN, rc, ROOM_NOT_FOUND, roomName, TESTER_ID } from './rocketchat-client.ts';

function get(query: Record<string, string>, headers: Record<string, string>) {
  return rc('groupsGetIntegrations', 'groups.getIntegrations', { headers, query });
}

describe('GET /api/v1/groups.getIntegrations (research notes issue 11 §7.2; groups.ts "/groups.getIntegrations")', () => {
  it('200: the integrations of the group for a caller with integration permissions', async () => {
    const admin = await adminAuth();
    const group = await messageGroup(roomName('gi'));
    await rc('groupsInvite', 'groups.invite', { headers: auth(), json: { roomId: group._id, username: ADMIN } });
    const created = await rc('integrationsCreate', 'integrations.create', {
      headers: admin,
      json: { type: 'webhook-incoming', name: 'Incoming test', enabled: true, alias: 'test', username: 'rocket.cat', scriptEnabled: false, overrideDestinationChannelEnabled: true, channel: `#${group.name}` },
    });
    const { integration } = bodyOf(created, 'IntegrationsCreateResponse');
    const res = await get({ roomId: group._id, includeAllPrivateGroups: 'false' }, admin);
    expect(res.status).toBe(200);
    expectRouteHeaders(res);
    expect(res.json).toEqual({ integrations: [integration], count: 1, offset: 0, total: 1, success: true });
    const all = bodyOf(await get({ roomName: group.name }, admin), 'IntegrationsListResponse');
    expect(all.integrations.map((i) => i._id)).toContain(integration._id);
  });

  it('403 from the permissions middleware without any integration permission, before the lookup', async () => {
    const res = await get({ roomId: 'no-such-room' }, auth());
    expect([res.status, res.json]).toEqual([403, { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' }]);
    expectMiddlewareHeaders(res);
  });

  it('400 for a group the caller cannot see; 401 without credentials', async () => {
    const admin = await adminAuth();
    const hidden = await messageGroup(roomName('gi'));
    const notFound = await get({ roomId: hidden._id }, admin);
    expect([notFound.status, notFound.json]).toEqual([400, ROOM_NOT_FOUND]);
    expectRouteHeaders(notFound);
    const res = await get({ roomId: 'x' }, auth(TESTER_ID, 'bad'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
  });
});
