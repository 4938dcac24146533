import { describe, expect, it } from 'vitest';
import { unboundedMeter } from '../../../../../src/core/byte-budget.ts';
import { DEFAULT_FIXTURES_DIR } from '../../../../../src/config.ts';
import { loadRocketChatFixtures } from '../../../../../src/apis/rocketchat/fixtures.ts';
import { pinnedDeps } from '../support.ts';
import { createdUser, send, usersWorld } from './users-support.ts';

describe('users.* writes survive a state export and import (GET/PUT /__admin/state)', () => {
  it('created, updated and deleted users, their subscriptions and owned rooms', async () => {
    const { store, session } = usersWorld();
    const kept = await createdUser(store, session, 'kept.user', { bio: 'bio', verified: true, roles: ['user', 'guest'] });
    await send(session, 'usersUpdate', { body: { userId: kept._id, data: { name: 'Kept', email: 'kept@rocket.chat', nickname: 'k' } } });
    const gone = await createdUser(store, session, 'gone.user');
    await send(session, 'usersDelete', { body: { userId: gone._id } });
    const state = session.exportState();
    const sessions = await loadRocketChatFixtures(DEFAULT_FIXTURES_DIR, pinnedDeps());
    const imported = sessions.fromState(state, unboundedMeter());
    expect(imported.ok, JSON.stringify(imported)).toBe(true);
    if (!imported.ok) return;
    expect(imported.session.exportState()).toEqual(state);
    const exportedUsers = (state as { users: { username: string }[] }).users.map((u) => u.username);
    expect(exportedUsers).toContain('kept.user');
    expect(exportedUsers).not.toContain('gone.user');
  });
});
