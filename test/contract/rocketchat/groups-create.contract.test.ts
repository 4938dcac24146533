import { describe, expect, it } from 'vitest';
import { viaPrismProxy } from '../../support/http.ts';
import {
  auth,
  bodyOf,
  createGroup,
  LIMITED,
  NOT_LOGGED_IN,
  notAllowed,
  oversizedJson,
  rc,
  ROOM_ID,
  roomName,
  TEAM_ID,
  TESTER_ID,
  TIMESTAMP,
  TOO_LARGE,
  type Schemas,
} from './rocketchat-client.ts';
import { adminIn, ownSession, rolesOf, withPermission } from './perms-settings-client.ts';

/** POST groups.create with a JSON body (or raw text with a content type). */
function create(json: unknown, headers: Record<string, string> = auth()) {
  return rc('groupsCreate', 'groups.create', { headers, json });
}

const NAME_REQUIRED: Schemas['Failure'] = { success: false, error: 'Body param "name" is required' };

describe('groups.create 200 (research §3)', () => {
  it('answers the exact room for the issue request, then error-duplicate-channel-name for the same call', async () => {
    const name = roomName('groupname');
    const body = {
      name,
      members: ['rocket.cat'],
      readOnly: true,
      excludeSelf: true,
      customFields: { type: 'default' },
      extraData: { broadcast: true, encrypted: false, teamId: TEAM_ID },
    };
    const res = await create(body);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('pragma')).toBe('no-cache');
    const { group } = bodyOf(res, 'GroupResponse');
    expect(res.json).toEqual({
      group: {
        _id: group._id,
        fname: name,
        name,
        t: 'p',
        msgs: 0,
        usersCount: 1,
        u: { _id: TESTER_ID, username: 'tester', name: 'Tester' },
        ts: group.ts,
        ro: true,
        _updatedAt: group._updatedAt,
        customFields: { type: 'default' },
        teamId: TEAM_ID,
        broadcast: true,
        encrypted: false,
      },
      success: true,
    });
    expect(group._id).toMatch(ROOM_ID);
    expect(group.ts).toMatch(TIMESTAMP);
    expect(group._updatedAt).toBe(group.ts);

    const again = await create(body);
    expect(again.status).toBe(400);
    expect(again.json).toEqual({
      success: false,
      error: `A channel with name '${name}' exists [error-duplicate-channel-name]`,
      errorType: 'error-duplicate-channel-name',
      details: { function: 'RocketChat.getValidRoomName', channel_name: name },
    });
  });

  it('a minimal room: the caller is the only member, not read-only', async () => {
    const name = roomName('minimal');
    const group = await createGroup({ name });
    expect(group).toMatchObject({ name, fname: name, t: 'p', msgs: 0, usersCount: 1, ro: false });
    expect(group.customFields).toBeUndefined();
    expect(group.teamId).toBeUndefined();
  });

  it('trims the name, keeps fname raw, drops unknown members and duplicates, ignores unknown keys', async () => {
    const name = roomName('trim');
    const group = await createGroup({ name: `  ${name} `, members: ['rocket.cat', 'no.such.user', 'rocket.cat'], usernames: ['limited.user'] });
    expect([group.name, group.fname, group.usersCount]).toEqual([name, `  ${name} `, 2]);
  });

  it('accepts what the vendor accepts: readOnly "true" gives ro:false; form bodies work', async () => {
    expect((await createGroup({ name: roomName('rostr'), readOnly: 'true' })).ro).toBe(false);
    const name = roomName('form');
    const res = await rc('groupsCreate', 'groups.create', {
      headers: { ...auth(), 'content-type': 'application/x-www-form-urlencoded' },
      body: `name=${name}`,
    });
    expect(res.status).toBe(200);
    expect(bodyOf(res, 'GroupResponse').group.name).toBe(name);
  });
});

describe('groups.create 400, in the vendor order (research §2.2)', () => {
  it.each<[string, unknown, Schemas['Failure']]>([
    ['missing name', {}, NAME_REQUIRED],
    ['empty name', { name: '' }, NAME_REQUIRED],
    ['null name', { name: null, members: 'x' }, NAME_REQUIRED],
    ['members not an array', { name: 'x', members: 'rocket.cat' }, { success: false, error: 'Body param "members" must be an array if provided' }],
    ['customFields not an object', { name: 'x', customFields: 'a' }, { success: false, error: 'Body param "customFields" must be an object if provided' }],
    ['extraData not an object', { name: 'x', extraData: 1 }, { success: false, error: 'Body param "extraData" must be an object if provided' }],
    ['name of the wrong type', { name: 123 }, { success: false, error: 'Match error: Expected string, got number' }],
    ['member of the wrong type', { name: 'x', members: [1] }, { success: false, error: 'Match error: Expected string, got number in field [0]' }],
    ['members check before the name type', { name: 123, members: 'x' }, { success: false, error: 'Body param "members" must be an array if provided' }],
  ])('%s', async (_case, body, expected) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.json).toEqual(expected);
  });

  it.skipIf(viaPrismProxy)('malformed JSON is read as {} → name required', async () => {
    const res = await rc('groupsCreate', 'groups.create', {
      headers: { ...auth(), 'content-type': 'application/json' },
      body: '{"name": "broken',
    });
    expect([res.status, res.json]).toEqual([400, NAME_REQUIRED]);
  });

  it('JSON sent as text/plain is not parsed → name required', async () => {
    const res = await rc('groupsCreate', 'groups.create', {
      headers: { ...auth(), 'content-type': 'text/plain' },
      body: JSON.stringify({ name: roomName('plain') }),
    });
    expect([res.status, res.json]).toEqual([400, NAME_REQUIRED]);
  });

  it('unknown team', async () => {
    const res = await create({ name: roomName('team'), extraData: { teamId: 'no-such-team' } });
    expect([res.status, res.json]).toEqual([
      400,
      {
        success: false,
        error: 'The "teamId" param provided does not match any team [error-team-not-found]',
        errorType: 'error-team-not-found',
        details: { method: 'createPrivateGroup' },
      },
    ]);
  });

  it('no permission: limited.user lacks create-p (400, not 403), also in the team', async () => {
    const plain = await create({ name: roomName('limited') }, LIMITED);
    expect([plain.status, plain.json]).toEqual([400, notAllowed('createPrivateGroup')]);
    const inTeam = await create({ name: roomName('limited'), extraData: { teamId: TEAM_ID } }, LIMITED);
    expect([inTeam.status, inTeam.json]).toEqual([400, notAllowed('createPrivateGroup')]);
  });

  it('federated rooms need access-federation', async () => {
    // Workspace-wide change: made in a mock session of its own (perms-settings-client.ts).
    const session = ownSession();
    const admin = await adminIn(session);
    const granted = await rolesOf(admin, 'access-federation');
    await withPermission(admin, 'access-federation', granted.filter((role) => role !== 'user'), async () => {
      const res = await create({ name: roomName('fed'), extraData: { federated: true } }, { ...session, ...auth() });
      expect([res.status, res.json]).toEqual([
        400,
        {
          success: false,
          error: 'Not authorized to access federation [error-not-authorized-federation]',
          errorType: 'error-not-authorized-federation',
          details: { method: 'createRoom' },
        },
      ]);
    });
    expect(await rolesOf(admin, 'access-federation')).toEqual(granted);
  });

  it('whitespace-only name', async () => {
    const res = await create({ name: '   ' });
    expect([res.status, res.json]).toEqual([
      400,
      {
        success: false,
        error: 'Invalid name [error-invalid-name]',
        errorType: 'error-invalid-name',
        details: { function: 'RocketChat.createRoom' },
      },
    ]);
  });

  it.each([
    ['invalid characters', 'my group<1>', 'my group&lt;1&gt;'],
    ['blocked name', 'Admin', 'Admin'],
  ])('%s → error-invalid-room-name with the escaped name', async (_case, name, shown) => {
    const res = await create({ name });
    expect([res.status, res.json]).toEqual([
      400,
      {
        success: false,
        error: `${shown} is not a valid room name. [error-invalid-room-name]`,
        errorType: 'error-invalid-room-name',
        details: { function: 'RocketChat.getValidRoomName', channel_name: shown },
      },
    ]);
  });

  it('duplicate of the seeded public channel general', async () => {
    const res = await create({ name: 'general' });
    expect([res.status, res.json]).toEqual([
      400,
      {
        success: false,
        error: "A channel with name 'general' exists [error-duplicate-channel-name]",
        errorType: 'error-duplicate-channel-name',
        details: { function: 'RocketChat.getValidRoomName', channel_name: 'general' },
      },
    ]);
  });
});

describe('groups.create 401 and 413 (research §5.1)', () => {
  it('missing auth headers', async () => {
    const res = await create({ name: roomName('noauth') }, {});
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
  });

  it('wrong token, or the token of another user', async () => {
    const wrong = await create({ name: roomName('wrong') }, auth(TESTER_ID, 'not-a-token'));
    expect([wrong.status, wrong.json]).toEqual([401, NOT_LOGGED_IN]);
    const foreign = await create({ name: roomName('foreign') }, auth(TESTER_ID, LIMITED['X-Auth-Token']));
    expect([foreign.status, foreign.json]).toEqual([401, NOT_LOGGED_IN]);
  });

  it.skipIf(viaPrismProxy)('auth comes before the body: bad auth + bad body → 401', async () => {
    const res = await rc('groupsCreate', 'groups.create', {
      headers: { 'X-User-Id': TESTER_ID, 'X-Auth-Token': 'nope', 'content-type': 'application/json' },
      body: '{broken',
    });
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
  });

  it('a body over the limit → 413 in the vendor envelope (modelled)', async () => {
    const res = await rc('groupsCreate', 'groups.create', {
      headers: { ...auth(), 'content-type': 'application/json' },
      body: oversizedJson(),
    });
    expect([res.status, res.json]).toEqual([413, TOO_LARGE]);
  });
});
