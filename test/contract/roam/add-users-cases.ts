import { expect, it } from 'vitest';
import { auth, BODIES, createGroup, getGroup, GROUP_USER_PATH, KEY_2, roam, UNKNOWN_ID, USER_A, USER_B, USER_C, USER_OTHER, type Schemas } from './roam-client.ts';
import { authCases } from './shared-cases.ts';

/**
 * Add Users to Group, served on POST and PUT with one behaviour (research/roam.md §5a); both
 * contract files run these cases.
 */
export function addUsersCases(operationId: 'addUsersToGroup' | 'addUsersToGroupPut', method: 'POST' | 'PUT'): void {
  const add = (json: unknown, key?: string) => roam(operationId, GROUP_USER_PATH, { method, headers: auth(key), json });

  it('201 with the documented string data, merging without duplicates', async () => {
    const group = await createGroup({ users: [USER_A] });
    const res = await add({ group_id: group.group_id, users: [USER_B, USER_A, USER_B] });
    expect(res.status).toBe(201);
    expect(res.text).toBe('{"status":true,"msg":"Success.","code":201,"data":"Users grouped successfully."}');
    const after = await getGroup(group.group_id);
    expect(after).toMatchObject({ users: [USER_A, USER_B], created_at: group.created_at, description: group.description });
    expect(after.updated_at >= group.updated_at).toBe(true);
    const again = await add({ group_id: group.group_id, users: [USER_C] });
    expect(again.status).toBe(201);
    expect((await getGroup(group.group_id)).users).toEqual([USER_A, USER_B, USER_C]);
  });

  it('201 for an empty list, changing no members', async () => {
    const group = await createGroup({ users: [USER_C] });
    const res = await add({ group_id: group.group_id, users: [] });
    expect(res.status).toBe(201);
    expect((await getGroup(group.group_id)).users).toEqual([USER_C]);
  });

  it.each<[string, unknown, Schemas['FieldErrors']]>([
    ['group_id missing', { users: [USER_A] }, { group_id: ['This field is required.'] }],
    ['users missing', { group_id: UNKNOWN_ID }, { users: ['This field is required.'] }],
    ['group_id not an ObjectId', { group_id: 'abc', users: [USER_A] }, { group_id: ['"abc" is not a valid ObjectId.'] }],
    ['users not a list', { group_id: UNKNOWN_ID, users: USER_A }, { users: ['Expected a list of items but got type "str".'] }],
    ['users null', { group_id: UNKNOWN_ID, users: null }, { users: ['This field may not be null.'] }],
    ['a users item not an ObjectId', { group_id: UNKNOWN_ID, users: ['xyz'] }, { users: { '0': ['"xyz" is not a valid ObjectId.'] } }],
  ])('400 GS402 when %s', async (_name, json, details) => {
    const res = await add(json);
    expect(res.status).toBe(400);
    expect(res.json).toEqual(BODIES.fields(details));
  });

  it('400 "Group does not exist." for an unknown group', async () => {
    const res = await add({ group_id: UNKNOWN_ID, users: [USER_A] });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(BODIES.groupNotFound);
  });

  it('400 for another project’s group, which keeps its members', async () => {
    const group = await createGroup({ users: [USER_A] });
    const res = await add({ group_id: group.group_id, users: [USER_OTHER] }, KEY_2);
    expect(res.status).toBe(400);
    expect(res.json).toEqual(BODIES.groupNotFound);
    expect((await getGroup(group.group_id)).users).toEqual([USER_A]);
  });

  it('400 for users of another project or unknown users, adding none', async () => {
    const group = await createGroup({ users: [USER_A] });
    const res = await add({ group_id: group.group_id, users: [USER_B, USER_OTHER] });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(BODIES.unknownUsers(USER_OTHER));
    expect((await getGroup(group.group_id)).users).toEqual([USER_A]);
  });

  authCases(operationId, method, GROUP_USER_PATH);
}
