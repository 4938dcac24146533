import { describe, expect, it } from 'vitest';
import { ByteBudget, Meter, unboundedMeter } from '../../../../src/core/byte-budget.ts';
import { createPrivateGroup } from '../../../../src/apis/rocketchat/rooms/create-group.ts';
import { AU_MESSAGE_BYTES, inviteToGroup } from '../../../../src/apis/rocketchat/rooms/invite.ts';
import { SUBSCRIPTION_BYTES } from '../../../../src/apis/rocketchat/store/rooms.ts';
import { freshStore, pinnedDeps, userOf } from './support.ts';

/** The store charges every write to the session's byte budget; a batch that does not fit stores nothing. */
describe('Rocket.Chat writes and the session byte budget', () => {
  it('an invite whose subscriptions and messages do not all fit adds no one', () => {
    // Measure the fixtures and one room on an unbounded meter, then give a session exactly room
    // for one more subscription than the room's creator's.
    const probe = unboundedMeter();
    const measured = freshStore(undefined, probe);
    const seeded = probe.bytes;
    expect(createPrivateGroup(measured, pinnedDeps(), userOf(measured, 'tester'), { name: 'room' }).ok).toBe(true);
    const roomBytes = probe.bytes - seeded;

    // An invite reserves a subscription and its `au` message per user.
    const budget = new ByteBudget(seeded + roomBytes + SUBSCRIPTION_BYTES + AU_MESSAGE_BYTES);
    const store = freshStore(undefined, new Meter(budget));
    const tester = userOf(store, 'tester');
    expect(createPrivateGroup(store, pinnedDeps(), tester, { name: 'room' }).ok).toBe(true);
    const both = inviteToGroup(store, pinnedDeps(), tester, { roomName: 'room', usernames: ['rocket.cat', 'limited.user'] });
    expect(both.ok).toBe(false);
    if (!both.ok) expect(both.error).toMatchObject({ errorType: 'error-twin-session-full' });
    const room = store.rooms.roomByName('room');
    expect(room && store.rooms.subscriptionsOf(room._id).length).toBe(1);
    expect(inviteToGroup(store, pinnedDeps(), tester, { roomName: 'room', username: 'rocket.cat' }).ok).toBe(true);
    expect(budget.used).toBeLessThanOrEqual(budget.limit);
    expect(room && store.rooms.subscriptionsOf(room._id).length).toBe(2);
  });

  it('a room that does not fit is not stored, and its name stays free', () => {
    const store = freshStore(undefined, new Meter(new ByteBudget(1)));
    const result = createPrivateGroup(store, pinnedDeps(), userOf(store, 'tester'), { name: 'too-big' });
    expect(result.ok).toBe(false);
    expect(store.rooms.roomByName('too-big')).toBeUndefined();
  });

  it('logins keep working on a full budget by forgetting the oldest minted tokens', () => {
    const probe = unboundedMeter();
    freshStore(undefined, probe);
    const store = freshStore(undefined, new Meter(new ByteBudget(probe.bytes + 1000)));
    for (let i = 0; i < 20; i += 1) store.tokens.mint(`token-${i}`, 'rbAXPnMktTFbNpwtJ');
    expect(store.tokens.ownerOf('token-19')).toBe('rbAXPnMktTFbNpwtJ');
    expect(store.tokens.ownerOf('token-0')).toBeUndefined();
  });
});
