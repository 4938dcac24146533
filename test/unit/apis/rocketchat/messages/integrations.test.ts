import { describe, expect, it } from 'vitest';
import { authHeaders, LIMITED_ID, TESTER_ID, TESTER_TOKEN } from '../support.ts';
import { ADMIN_ID, adminHeaders, bodyOf, group, LIMITED, world } from './world.ts';

const incoming = (channel: string, extra: Record<string, unknown> = {}) => ({
  type: 'webhook-incoming',
  name: 'Incoming test',
  enabled: true,
  alias: 'test',
  username: 'rocket.cat',
  scriptEnabled: false,
  overrideDestinationChannelEnabled: true,
  channel,
  ...extra,
});

describe('integrations.create (INT, AII, VOI)', () => {
  it('stores an incoming webhook: channel as a list, token, userId, _createdAt, _createdBy, 24-hex _id; its user becomes a bot', async () => {
    const w = world();
    const admin = adminHeaders(w.store);
    await group(w, 'int1');
    const now = w.tick();
    const res = await w.run('integrationsCreate', { body: incoming('#int1, @limited.user', { username: 'tester' }), headers: admin });
    expect(res.status).toBe(200);
    const integration = bodyOf(res).integration as Record<string, unknown>;
    expect(integration).toEqual({
      type: 'webhook-incoming',
      name: 'Incoming test',
      enabled: true,
      alias: 'test',
      username: 'tester',
      scriptEnabled: false,
      overrideDestinationChannelEnabled: true,
      channel: ['#int1', '@limited.user'],
      token: integration.token,
      userId: TESTER_ID,
      _createdAt: now,
      _createdBy: { _id: ADMIN_ID, username: ADMIN_ID },
      _id: integration._id,
    });
    expect(integration.token).toMatch(/^[23456789A-HJ-NP-Za-km-z]{48}$/);
    expect(integration._id).toMatch(new RegExp(`^${(Date.parse(now) / 1000).toString(16)}[0-9a-f]{16}$`));
    expect(w.store.users.byUserId(TESTER_ID)?.roles).toEqual(['user', 'bot']);
  });

  it('incoming errors in the vendor order', async () => {
    const w = world();
    const admin = adminHeaders(w.store);
    await group(w, 'int2', []);
    const cases: [unknown, Record<string, string>, unknown][] = [
      [{}, admin, { success: false, errorType: 'invalid-params', error: "must have required property 'type'\nmust have required property 'type'\nmust match exactly one schema in oneOf" }],
      [{ ...incoming('#int2'), type: 'x-webhook-incoming-x' }, admin, { success: false, error: 'Invalid integration type.' }],
      [{ ...incoming('#int2'), overrideDestinationChannelEnabled: undefined }, admin, { success: false, error: "Match error: Missing key 'overrideDestinationChannelEnabled'" }],
      [incoming('#int2'), authHeaders(TESTER_ID, TESTER_TOKEN), { success: false, error: 'Unauthorized [not_authorized]', errorType: 'not_authorized', details: { method: 'addIncomingIntegration' } }],
      [incoming(' '), admin, { success: false, error: 'Invalid channel [error-invalid-channel]', errorType: 'error-invalid-channel', details: { method: 'addIncomingIntegration' } }],
      [incoming('#int2,general'), admin, { success: false, error: 'Invalid channel. Start with @ or # [error-invalid-channel-start-with-chars]', errorType: 'error-invalid-channel-start-with-chars', details: { method: 'updateIncomingIntegration' } }],
      [incoming('#int2', { username: ' ' }), admin, { success: false, error: 'Invalid username [error-invalid-username]', errorType: 'error-invalid-username', details: { method: 'addIncomingIntegration' } }],
      [incoming('#int2', { username: 'nobody' }), admin, { success: false, error: 'Invalid user [error-invalid-user]', errorType: 'error-invalid-user', details: { method: 'addIncomingIntegration' } }],
      [incoming('#nothing'), admin, { success: false, error: 'Invalid room [error-invalid-room]', errorType: 'error-invalid-room', details: { method: 'addIncomingIntegration' } }],
    ];
    for (const [body, headers, expected] of cases) expect((await w.run('integrationsCreate', { body: JSON.parse(JSON.stringify(body)) as unknown, headers })).body, JSON.stringify(body)).toEqual(expected);
    // Only the "own" permission: the caller must be subscribed to every channel.
    w.store.authz.setPermission('manage-own-incoming-integrations', ['admin', 'user'], w.tick());
    expect((await w.run('integrationsCreate', { body: incoming('#int2') })).status).toBe(200);
    expect((await w.run('integrationsCreate', { body: incoming('#general') })).status).toBe(200);
    expect((await w.run('integrationsCreate', { body: incoming('#tester-team, @rocket.cat') })).body).toEqual({
      success: false,
      error: 'Invalid Channel [error-invalid-channel]',
      errorType: 'error-invalid-channel',
      details: { method: 'addIncomingIntegration' },
    });
  });

  it('outgoing webhooks: stored with urls, channel list and retry defaults; errors in order', async () => {
    const w = world();
    const admin = adminHeaders(w.store);
    const base = { type: 'webhook-outgoing', name: 'out', enabled: true, username: 'rocket.cat', scriptEnabled: false, event: 'sendMessage', channel: '#general', urls: ['https://example.com/hook', ' '] };
    const ok = await w.run('integrationsCreate', { body: { ...base, triggerWords: ['hi', ' '], retryFailedCalls: true, runOnEdits: 'true' }, headers: admin });
    expect(bodyOf(ok).integration).toMatchObject({
      type: 'webhook-outgoing',
      channel: ['#general'],
      urls: ['https://example.com/hook'],
      triggerWords: ['hi'],
      retryFailedCalls: true,
      runOnEdits: true,
      retryCount: 4,
      retryDelay: 'powers-of-ten',
      userId: 'rocket.cat',
    });
    const required = { function: 'validateOutgoing._verifyRequiredFields' };
    const cases: [Record<string, unknown>, Record<string, string>, unknown][] = [
      [base, LIMITED, { success: false, error: '[not_authorized]', errorType: 'not_authorized' }],
      [{ ...base, event: 'nothing' }, admin, { success: false, error: 'Invalid event type [error-invalid-event-type]', errorType: 'error-invalid-event-type', details: required }],
      [{ ...base, username: '' }, admin, { success: false, error: 'Invalid username [error-invalid-username]', errorType: 'error-invalid-username', details: required }],
      [{ ...base, event: 'userCreated' }, admin, { success: false, error: 'Invalid Target Room [error-invalid-targetRoom]', errorType: 'error-invalid-targetRoom', details: required }],
      [{ ...base, urls: [' '] }, admin, { success: false, error: 'Invalid URLs [error-invalid-urls]', errorType: 'error-invalid-urls', details: required }],
      [{ ...base, channel: ' ' }, admin, { success: false, error: 'Invalid Channel [error-invalid-channel]', errorType: 'error-invalid-channel', details: { function: 'validateOutgoing' } }],
      [{ ...base, channel: 'general' }, admin, { success: false, error: 'Invalid channel. Start with @ or # [error-invalid-channel-start-with-chars]', errorType: 'error-invalid-channel-start-with-chars', details: { function: 'validateOutgoing' } }],
      [{ ...base, username: 'nobody' }, admin, { success: false, error: 'Invalid user (did you delete the `rocket.cat` user?) [error-invalid-user]', errorType: 'error-invalid-user', details: { function: 'validateOutgoing' } }],
      [{ ...base, channel: '#nothing' }, admin, { success: false, error: 'Invalid room [error-invalid-room]', errorType: 'error-invalid-room', details: { function: 'validateOutgoing._verifyUserHasPermissionForChannels' } }],
    ];
    for (const [body, headers, expected] of cases) expect((await w.run('integrationsCreate', { body, headers })).body, JSON.stringify(body)).toEqual(expected);
    w.store.authz.setPermission('manage-own-outgoing-integrations', ['admin', 'user'], w.tick());
    expect((await w.run('integrationsCreate', { body: { ...base, event: 'roomCreated' } })).body).toEqual({
      success: false,
      error: 'Invalid permission for required Integration creation. [error-invalid-permissions]',
      errorType: 'error-invalid-permissions',
      details: { function: 'validateOutgoing' },
    });
    expect((await w.run('integrationsCreate', { body: { ...base, channel: 'all_private_groups' } })).body).toMatchObject({ errorType: 'error-invalid-channel' });
    expect((await w.run('integrationsCreate', { body: { ...base, channel: 'all_public_channels' } })).status).toBe(200);
  });
});

describe('groups.getIntegrations (G8; groups.ts "/groups.getIntegrations")', () => {
  it('403 without any integration permission (middleware headers); lists by channel and by what the caller may see', async () => {
    const w = world();
    const admin = adminHeaders(w.store);
    const room = await group(w, 'gi1');
    await w.run('groupsInvite', { body: { roomId: room._id, username: ADMIN_ID } });
    const denied = await w.run('groupsGetIntegrations', { query: { roomId: room._id } });
    expect(denied).toEqual({ status: 403, body: { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' } });
    const byAdmin = bodyOf(await w.run('integrationsCreate', { body: incoming('#gi1'), headers: admin })).integration as { _id: string };
    await w.run('integrationsCreate', { body: incoming('#general'), headers: admin });
    const scoped = await w.run('integrationsCreate', {
      body: { type: 'webhook-outgoing', name: 'all groups', enabled: true, username: 'rocket.cat', scriptEnabled: false, event: 'sendMessage', channel: 'all_private_groups', urls: ['https://example.com'] },
      headers: admin,
    });
    const scopedId = (bodyOf(scoped).integration as { _id: string })._id;
    const listed = bodyOf(await w.run('groupsGetIntegrations', { query: { roomId: room._id }, headers: admin }));
    expect(listed).toMatchObject({ count: 2, offset: 0, total: 2, success: true });
    expect((listed.integrations as { _id: string }[]).map((i) => i._id)).toEqual([byAdmin._id, scopedId]);
    const only = bodyOf(await w.run('groupsGetIntegrations', { query: { roomName: 'gi1', includeAllPrivateGroups: 'false' }, headers: admin }));
    expect(only.total).toBe(1);
    // Only "own" permissions: only one's own integrations.
    w.store.authz.setPermission('manage-own-incoming-integrations', ['admin', 'user'], w.tick());
    const mine = await w.run('integrationsCreate', { body: incoming('#gi1') });
    const own = bodyOf(await w.run('groupsGetIntegrations', { query: { roomId: room._id } }));
    expect((own.integrations as { _id: string }[]).map((i) => i._id)).toEqual([(bodyOf(mine).integration as { _id: string })._id]);
    expect((await w.run('groupsGetIntegrations', { query: { roomId: room._id, sort: '{"_createdAt":2}' } })).body).toMatchObject({ errorType: 'error-invalid-sort' });
    expect((await w.run('groupsGetIntegrations', { query: {} })).body).toMatchObject({ errorType: 'error-room-param-not-provided' });
  });
});

describe('users.logout (U8)', () => {
  it('logs the caller out everywhere; another user needs logout-other-user; unknown or token-less users are logged out too', async () => {
    const w = world();
    const admin = adminHeaders(w.store);
    expect((await w.run('usersLogout', { body: { userId: TESTER_ID }, headers: LIMITED })).body).toEqual({ success: false, error: 'unauthorized' });
    // unsetLoginTokens' UpdateResult is always truthy: error-invalid-user-id never fires.
    expect(await w.run('usersLogout', { body: { userId: 'nobody' }, headers: admin })).toEqual({ status: 200, body: { message: 'User nobody has been logged out!', success: true } });
    expect(await w.run('usersLogout', { body: { userId: 'rocket.cat' }, headers: admin })).toEqual({ status: 200, body: { message: 'User rocket.cat has been logged out!', success: true } });
    expect((await w.run('usersLogout', { body: { userId: {} }, headers: admin })).body).toEqual({ success: false, errorType: 'invalid-params', error: 'must be string' });
    expect(await w.run('usersLogout', { body: { userId: LIMITED_ID }, headers: admin })).toEqual({ status: 200, body: { message: `User ${LIMITED_ID} has been logged out!`, success: true } });
    expect((await w.run('me', { headers: LIMITED })).status).toBe(401);
    expect(await w.run('usersLogout', { body: {} })).toEqual({ status: 200, body: { message: `User ${TESTER_ID} has been logged out!`, success: true } });
    expect((await w.run('me')).status).toBe(401);
    expect((await w.run('me', { headers: admin })).status).toBe(200);
  });
});
