import { describe, expect, it } from 'vitest';
import { checkTeamsCreateBody, checkTeamsInfoQuery, checkTeamsUpdateRoomBody } from '../../../../../src/apis/rocketchat/teams/vendor-schemas.ts';

const invalid = (error: string) => ({ ok: false, error: { success: false, errorType: 'invalid-params', error } });
const invalidQuery = (error: string) => ({ ok: false, error: { success: false, errorType: 'error-invalid-params', error } });

describe('teams.create body (TeamsCreateProps, no coercion)', () => {
  it('accepts the vendor setup body and the room options', () => {
    expect(checkTeamsCreateBody({ name: 't', type: 0, members: ['a'] })).toEqual({ ok: true, value: { name: 't', type: 0, members: ['a'] } });
    expect(checkTeamsCreateBody({ name: 't', type: 1, owner: 'x', room: { id: 'r', readOnly: true, extraData: { any: 1 }, options: { creator: 'c' } } }).ok).toBe(true);
  });

  it('answers the first ajv message in keyword order: type, required, additional, then each property', () => {
    const cases: [unknown, string][] = [
      [[], 'must be object'],
      [{}, "must have required property 'name'"],
      [{ name: 't' }, "must have required property 'type'"],
      [{ type: 0, extra: 1 }, "must have required property 'name'"],
      [{ name: 't', type: 0, abacAttributes: [] }, 'must NOT have additional properties'],
      [{ name: 't', type: 0, sidepanel: 'channels' }, 'must be object'],
      [{ name: 1, type: 0 }, 'must be string'],
      [{ name: 't', type: '0' }, 'must be number'],
      [{ name: 't', type: 2 }, 'must be equal to one of the allowed values'],
      [{ name: 't', type: 0, members: 'a' }, 'must be array'],
      [{ name: 't', type: 0, members: [1] }, 'must be string'],
      [{ name: 't', type: 0, owner: null }, 'must be string'],
      [{ name: 't', type: 0, room: { readOnly: 'yes' } }, 'must be boolean'],
      [{ name: 't', type: 0, room: { extraData: { teamMain: 1 } } }, 'must be boolean'],
      [{ name: 't', type: 0, room: { options: { subscriptionExtra: {} } } }, "must have required property 'open'"],
    ];
    for (const [body, message] of cases) expect(checkTeamsCreateBody(body), JSON.stringify(body)).toEqual(invalid(message));
  });
});

describe('teams.info query (TeamsInfoProps)', () => {
  it('exactly one of teamId / teamName, nothing else', () => {
    expect(checkTeamsInfoQuery({ teamId: 'x' })).toEqual({ ok: true, value: { teamId: 'x' } });
    expect(checkTeamsInfoQuery({ teamName: '' })).toEqual({ ok: true, value: { teamName: '' } });
    expect(checkTeamsInfoQuery({})).toEqual(
      invalidQuery("must have required property 'teamId'\n must have required property 'teamName'\n must match exactly one schema in oneOf"),
    );
    expect(checkTeamsInfoQuery({ teamId: 'x', teamName: 'y' })).toEqual(invalidQuery('must match exactly one schema in oneOf'));
    expect(checkTeamsInfoQuery({ teamId: 'x', count: '1' })).toEqual(invalidQuery('must NOT have additional properties'));
    expect(checkTeamsInfoQuery({ teamId: ['a', 'b'] })).toEqual(invalidQuery('must be string'));
  });

  it('validates a copy: the request query is not coerced in place', () => {
    const query = { teamId: 5 };
    expect(checkTeamsInfoQuery(query)).toEqual({ ok: true, value: { teamId: '5' } });
    expect(query.teamId).toBe(5);
  });
});

describe('teams.updateRoom body (TeamsUpdateRoomProps, shared coercing ajv)', () => {
  it('coerces scalars as the vendor does', () => {
    expect(checkTeamsUpdateRoomBody({ roomId: 'r', isDefault: 'true' })).toEqual({ ok: true, value: { roomId: 'r', isDefault: true } });
    expect(checkTeamsUpdateRoomBody({ roomId: 12, isDefault: 0 })).toEqual({ ok: true, value: { roomId: '12', isDefault: false } });
  });

  it('answers ajv messages', () => {
    expect(checkTeamsUpdateRoomBody({ roomId: 'r' })).toEqual(invalid("must have required property 'isDefault'"));
    expect(checkTeamsUpdateRoomBody({ isDefault: true })).toEqual(invalid("must have required property 'roomId'"));
    expect(checkTeamsUpdateRoomBody({ roomId: 'r', isDefault: 'maybe' })).toEqual(invalid('must be boolean'));
    expect(checkTeamsUpdateRoomBody({ roomId: 'r', isDefault: true, x: 1 })).toEqual(invalid('must NOT have additional properties'));
    expect(checkTeamsUpdateRoomBody('text')).toEqual(invalid('must be object'));
  });
});
