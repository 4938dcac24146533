import { describe, expect, it } from 'vitest';
import { auth, bodyOf, createGroup, LIMITED, notAllowed, rc, roomName, TESTER_ID } from './rocketchat-client.ts';
import { admin, convertToTeam, createTeam, createTeamGroup, teamName, teamsInfo, teamsUpdateRoom } from './teams-client.ts';

/**
 * The vendor's groups.ts "/groups.create" setup as one story (research notes issue 10 §9.3,
 * issue 11 §D #8–#9): a user with `create-team` (a default grant of the `user` role) creates a
 * team with a member, creates a private group in it (allowed as the team's owner, who owns its
 * main room), and the member, who holds no role there, gets error-not-allowed. The vendor's
 * `permissions.update` steps (granting create-team, limiting create-team-group to `owner`) are
 * left out: the default grants give the same answers.
 */
describe('story: a team, its groups and their members', () => {
  it('team → group in the team → the plain member may not → auto-join → convert another group', async () => {
    const name = teamName('story');
    const team = await createTeam({ name, type: 0, members: ['limited.user'] });
    const info = await teamsInfo({ teamName: name }, LIMITED);
    expect([info.status, info.json]).toEqual([200, { teamInfo: team, success: true }]);

    // "should successfully create a group in a team"
    const group = await createTeamGroup(team._id, roomName('story-group'));
    expect(group.teamId).toBe(team._id);
    // The vendor's admin does the same (create-team-group is granted to admin globally).
    const byAdmin = await createTeamGroup(team._id, roomName('story-admin'), await admin());
    expect(byAdmin.teamId).toBe(team._id);

    // "should fail creating a group in a team when member does not have the necessary permission"
    const refused = await rc('groupsCreate', 'groups.create', { headers: LIMITED, json: { name: roomName('story-denied'), extraData: { teamId: team._id } } });
    expect([refused.status, refused.json]).toEqual([400, notAllowed('createPrivateGroup')]);

    // The owner makes the group auto-join: the member is added and can now read it.
    expect((await rc('groupsInfo', 'groups.info', { headers: LIMITED, query: { roomId: group._id } })).status).toBe(400);
    const updated = await teamsUpdateRoom({ roomId: group._id, isDefault: true });
    expect(updated.status).toBe(200);
    const seen = await rc('groupsInfo', 'groups.info', { headers: LIMITED, query: { roomId: group._id } });
    expect(bodyOf(seen, 'GroupResponse').group).toMatchObject({ _id: group._id, teamId: team._id, teamDefault: true });

    // Another group of the owner becomes a private team of its own; its members follow.
    const other = await createGroup({ name: roomName('story-convert'), members: ['limited.user'] });
    const converted = await convertToTeam({ roomId: other._id });
    const newTeam = bodyOf(converted, 'TeamsCreateResponse').team;
    expect(newTeam).toMatchObject({ name: other.name, type: 1, roomId: other._id, createdBy: { _id: TESTER_ID, username: 'tester' } });
    // As its owner, tester may create groups in the new team; the member still may not.
    expect((await createTeamGroup(newTeam._id, roomName('story-in-converted'))).teamId).toBe(newTeam._id);
    const denied = await rc('groupsCreate', 'groups.create', { headers: LIMITED, json: { name: roomName('story-denied-2'), extraData: { teamId: newTeam._id } } });
    expect([denied.status, denied.json]).toEqual([400, notAllowed('createPrivateGroup')]);
    const members = await rc('groupsMembers', 'groups.members', { headers: auth(), query: { roomId: other._id } });
    expect(bodyOf(members, 'GroupsMembersResponse').total).toBe(2);
  });
});
