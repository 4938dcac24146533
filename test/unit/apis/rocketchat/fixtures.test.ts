import { unboundedMeter } from '../../../../src/core/byte-budget.ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIXTURES_DIR } from '../../../../src/config.ts';
import { FixtureError } from '../../../../src/core/fixtures.ts';
import type { RocketChatFixture } from '../../../../src/apis/rocketchat/fixture-format.ts';
import { checkFixtureRules, loadRocketChatFixtures } from '../../../../src/apis/rocketchat/fixtures.ts';
import { call, defaultFixture, pinnedDeps, TEAM_ID } from './support.ts';

/** The element at `index`, which the test knows exists. */
function at<T>(list: T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no element ${index}`);
  return item;
}

/** A room pushed onto the default fixture's rooms lands at this index. */
const defaultRoomCount = defaultFixture.rooms.length;

function ruleError(mutate: (fixture: RocketChatFixture) => void): FixtureError | undefined {
  const fixture = structuredClone(defaultFixture);
  mutate(fixture);
  try {
    checkFixtureRules(fixture, 'rocketchat.json');
  } catch (error) {
    if (error instanceof FixtureError) return error;
    throw error;
  }
  return undefined;
}

describe('rocketchat.json fixtures', () => {
  it('the default file loads and each session starts from it', async () => {
    const factory = await loadRocketChatFixtures(DEFAULT_FIXTURES_DIR, pinnedDeps());
    const one = factory.fresh(unboundedMeter());
    expect(call(one, 'groupsCreate', { body: { name: 'only-in-one' } }).status).toBe(200);
    expect(call(one, 'groupsCreate', { body: { name: 'only-in-one' } }).status).toBe(400);
    expect(call(factory.fresh(unboundedMeter()), 'groupsCreate', { body: { name: 'only-in-one' } }).status).toBe(200);
  });

  it('holds the users, team and rooms the issue needs', () => {
    const usernames = defaultFixture.users.map((u) => u.username);
    expect(usernames).toEqual(expect.arrayContaining(['tester', 'limited.user', 'rocket.cat']));
    expect(defaultFixture.teams.map((t) => t._id)).toContain(TEAM_ID);
    expect(defaultFixture.rooms.find((r) => r._id === 'GENERAL')).toMatchObject({ name: 'general', t: 'c' });
    expect(() => { checkFixtureRules(defaultFixture, 'rocketchat.json'); }).not.toThrow();
  });

  it.each<[string, (f: RocketChatFixture) => void, string]>([
    ['duplicate user id', (f) => f.users.push({ ...structuredClone(at(f.users, 0)), username: 'other', authToken: 'x' }), '/users/4/_id'],
    ['duplicate username', (f) => f.users.push({ ...structuredClone(at(f.users, 0)), _id: 'other', authToken: 'x' }), '/users/4/username'],
    ['duplicate token', (f) => f.users.push({ ...structuredClone(at(f.users, 1)), _id: 'o', username: 'o', email: 'o@example.com' }), '/users/4/authToken'],
    ['duplicate e-mail', (f) => f.users.push({ ...structuredClone(at(f.users, 1)), _id: 'o', username: 'o', authToken: 'o' }), '/users/4'],
    ['duplicate room name', (f) => f.rooms.push({ ...structuredClone(at(f.rooms, 0)), _id: 'other' }), `/rooms/${String(defaultRoomCount)}/name`],
    ['dangling creator', (f) => (at(f.rooms, 0).creatorId = 'ghost'), '/rooms/0/creatorId'],
    ['dangling member', (f) => at(f.rooms, 0).members.push({ userId: 'ghost', roles: [] }), '/rooms/0/members/4/userId'],
    ['dangling team of a room', (f) => (at(f.rooms, 1).teamId = 'ghost'), '/rooms/1/teamId'],
    ['dangling main room', (f) => (at(f.teams, 0).roomId = 'ghost'), '/teams/0/roomId'],
    ['dangling team member', (f) => at(f.teams, 0).members.push({ userId: 'ghost', roles: [] }), '/teams/0/members/1/userId'],
    ['dangling team creator', (f) => (at(f.teams, 0).createdById = 'ghost'), '/teams/0/createdById'],
    ['unknown role of a user', (f) => (at(f.users, 0).roles = ['nobody']), '/users/0/roles/0'],
    ['unknown role in a permission', (f) => (f.permissions = [{ _id: 'create-p', roles: ['nobody'] }]), '/permissions/0/roles/0'],
    ['unknown setting', (f) => (f.settings = { Not_A_Setting: 1 }), '/settings/Not_A_Setting'],
    ['duplicate role', (f) => (f.roles = [{ _id: 'admin', scope: 'Users' }]), '/roles/0/_id'],
  ])('rejects a %s, naming where', (_case, mutate, pointer) => {
    expect(ruleError(mutate)?.pointer).toBe(pointer);
  });
});
