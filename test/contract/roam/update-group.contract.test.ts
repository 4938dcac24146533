import { describe, expect, it } from 'vitest';
import { uniqueName } from '../../support/http.ts';
import { auth, BODIES, bodyOf, createGroup, getGroup, GROUP_PATH, KEY_2, roam, UNKNOWN_ID, USER_A, USER_B, USER_C, USER_OTHER, type Schemas } from './roam-client.ts';
import { authCases } from './shared-cases.ts';

function update(json: unknown, key?: string) {
  return roam('updateGroup', GROUP_PATH, { method: 'PUT', headers: auth(key), json });
}

describe('updateGroup PUT /v1/api/group/ (modelled, research §5c)', () => {
  it('200 with the updated group: users replaced, created_at kept, updated_at not earlier', async () => {
    const created = await createGroup({ description: uniqueName('before'), users: [USER_A, USER_B] });
    const description = uniqueName('after');
    const res = await update({ group_id: created.group_id, description, users: [USER_C, USER_C] });
    expect(res.status).toBe(200);
    const body = bodyOf(res, 'GroupUpdated');
    expect(body).toEqual({
      status: true,
      msg: 'Success.',
      code: 200,
      data: { ...created, description, users: [USER_C], updated_at: body.data.updated_at },
    });
    expect(Object.keys(body.data)).toEqual(['group_id', 'project_id', 'description', 'users', 'updated_at', 'created_at']);
    expect(body.data.updated_at >= created.created_at).toBe(true);
    expect(await getGroup(created.group_id)).toEqual(body.data);
  });

  it('keeps what the body leaves out', async () => {
    const created = await createGroup({ description: uniqueName('keep'), users: [USER_A] });
    const res = await update({ group_id: created.group_id });
    expect(res.status).toBe(200);
    expect(bodyOf(res, 'GroupUpdated').data).toMatchObject({ description: created.description, users: [USER_A] });
  });

  it.each<[string, unknown, Schemas['FieldErrors']]>([
    ['group_id missing', { description: 'x' }, { group_id: ['This field is required.'] }],
    ['group_id not an ObjectId', { group_id: 'abc' }, { group_id: ['"abc" is not a valid ObjectId.'] }],
    ['group_id null', { group_id: null }, { group_id: ['This field may not be null.'] }],
  ])('400 GS402 when %s', async (_name, json, details) => {
    const res = await update(json);
    expect(res.status).toBe(400);
    expect(res.json).toEqual(BODIES.fields(details));
  });

  it('400 GS402 for a wrong field type on an existing group', async () => {
    const created = await createGroup({});
    const description = await update({ group_id: created.group_id, description: ['x'] });
    expect(description.json).toEqual(BODIES.fields({ description: ['Not a valid string.'] }));
    const users = await update({ group_id: created.group_id, users: 'abc' });
    expect(users.json).toEqual(BODIES.fields({ users: ['Expected a list of items but got type "str".'] }));
    const item = await update({ group_id: created.group_id, users: ['abc'] });
    expect(item.json).toEqual(BODIES.fields({ users: { '0': ['"abc" is not a valid ObjectId.'] } }));
  });

  it('400 "Group does not exist." for an unknown group', async () => {
    const res = await update({ group_id: UNKNOWN_ID, description: 'x' });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(BODIES.groupNotFound);
  });

  it('400 for another project’s group, which stays unchanged', async () => {
    const created = await createGroup({ description: uniqueName('guarded') });
    const res = await update({ group_id: created.group_id, description: 'hijacked' }, KEY_2);
    expect(res.status).toBe(400);
    expect(res.json).toEqual(BODIES.groupNotFound);
    expect(await getGroup(created.group_id)).toEqual(created);
  });

  it('400 for users outside the project, and changes nothing', async () => {
    const created = await createGroup({ users: [USER_A] });
    const res = await update({ group_id: created.group_id, description: 'x', users: [USER_B, USER_OTHER, UNKNOWN_ID] });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(BODIES.unknownUsers(USER_OTHER, UNKNOWN_ID));
    expect(await getGroup(created.group_id)).toEqual(created);
  });

  authCases('updateGroup', 'PUT', GROUP_PATH);
});
