import { describe, expect, it } from 'vitest';
import { call, testTwin } from '../support/in-process.ts';

/**
 * Nothing is lost through export and import (`GET`/`PUT /__admin/state`, `--state-dir`,
 * `--watch`): a Rocket.Chat session with messages, room settings, closed rooms, role changes,
 * users and integrations comes back exactly as it was.
 */
const ADMIN = { 'x-mock-session': 'source' };

async function adminTwin() {
  const twin = await testTwin();
  const login = call(twin, '/api/v1/login', { method: 'POST', headers: ADMIN, json: { user: 'rocketchat.internal.admin.test', password: 'rocketchat.internal.admin.test' } });
  const { userId, authToken } = (login.json as { data: { userId: string; authToken: string } }).data;
  return { twin, headers: { ...ADMIN, 'x-user-id': userId, 'x-auth-token': authToken } };
}

describe('a whole Rocket.Chat session through export and import', () => {
  it('keeps messages, settings, subscriptions, users and integrations', async () => {
    const { twin, headers } = await adminTwin();
    const post = (op: string, json: unknown) => call(twin, `/api/v1/${op}`, { method: 'POST', headers, json });
    const group = post('groups.create', { name: 'roundtrip', members: ['tester'] }).json as { group: { _id: string } };
    const rid = group.group._id;
    expect(post('groups.setTopic', { roomId: rid, topic: 'kept' }).status).toBe(200);
    expect(post('groups.setAnnouncement', { roomId: rid, announcement: 'hello' }).status).toBe(200);
    expect(post('rooms.saveRoomSettings', { rid, systemMessages: ['au'] }).status).toBe(200);
    const sent = post('chat.sendMessage', { message: { rid, msg: 'first' } }).json as { message: { _id: string } };
    expect(post('chat.pinMessage', { messageId: sent.message._id }).status).toBe(200);
    expect(post('chat.react', { messageId: sent.message._id, emoji: ':smile:' }).status).toBe(200);
    expect(post('groups.addModerator', { roomId: rid, username: 'tester' }).status).toBe(200);
    expect(post('groups.close', { roomId: rid }).status).toBe(200);
    expect(post('users.create', { email: 'kept@example.com', name: 'Kept', username: 'kept.user', password: 'rocket.chat' }).status).toBe(200);
    const integration = post('integrations.create', { type: 'webhook-incoming', name: 'Incoming test', enabled: true, username: 'rocket.cat', scriptEnabled: false, overrideDestinationChannelEnabled: true, channel: '#roundtrip' });
    expect(integration.status, integration.body).toBe(200);
    expect(post('groups.archive', { roomId: rid }).status).toBe(200);

    const state = call(twin, '/__admin/state', { query: 'session=source&api=rocketchat' }).json as Record<string, unknown>;
    expect(state.messages).toBeInstanceOf(Array);
    expect(state.integrations).toHaveLength(1);
    const put = call(twin, '/__admin/state', { method: 'PUT', query: 'session=copy&api=rocketchat', json: state });
    expect(put.status, put.body).toBe(200);
    expect(call(twin, '/__admin/state', { query: 'session=copy&api=rocketchat' }).json).toEqual(state);

    // The copy answers what the source answers.
    const copy = { ...headers, 'x-mock-session': 'copy' };
    for (const [op, query] of [['groups.info', `roomId=${rid}`], ['groups.history', `roomId=${rid}`], ['groups.roles', `roomId=${rid}`], ['subscriptions.getOne', `roomId=${rid}`], ['users.info', 'username=kept.user']] as const) {
      const source = call(twin, `/api/v1/${op}`, { headers, query });
      const copied = call(twin, `/api/v1/${op}`, { headers: copy, query });
      expect([copied.status, copied.json], op).toEqual([source.status, source.json]);
    }
  });
});
