import { beforeAll, describe, expect, it } from 'vitest';
import { createGroup, LIMITED, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, roomName } from './rocketchat-client.ts';
import {
  archive,
  bodyParamRequired,
  EDITING_NOT_ALLOWED,
  expectRoute,
  expectTooLarge,
  expectUnauthorized,
  groupInfo,
  groupWithMember,
  post,
  roomArchived,
  warmConformance,
} from './room-settings-client.ts';

/**
 * The contract of groups.setTopic / setDescription / setPurpose / setAnnouncement (research notes
 * issue 11 §3.2–§3.5; G8): the same route shape with another parameter and room field.
 */
export function describeTextRoute(operationId: string, path: string, param: string, field: string): void {
  const send = (json: unknown, headers?: Record<string, string>) => post(operationId, path, json, headers);

  describe(`POST /api/v1/${path} (research notes issue 11 §3)`, () => {
    beforeAll(warmConformance);

    it(`200 echoes the ${param}; groups.info shows it as ${field} with one more message`, async () => {
      const group = await createGroup({ name: roomName(param) });
      expectRoute(await send({ roomId: group._id, [param]: 'Testing out everything.' }), 200, { [param]: 'Testing out everything.', success: true });
      const after = await groupInfo(group._id);
      expect(after[field]).toBe('Testing out everything.');
      expect(after.msgs).toBe(group.msgs + 1);
    });

    it(`200 with an empty ${param} clears it (removes the ${field})`, async () => {
      const group = await createGroup({ name: roomName(param) });
      await send({ roomName: group.name, [param]: 'something' });
      expectRoute(await send({ roomName: group.name, [param]: '' }), 200, { [param]: '', success: true });
      expect((await groupInfo(group._id))[field]).toBe('');
    });

    it(`400 in order: ${param} missing → room parameter → room → edit-room → archived`, async () => {
      const group = await groupWithMember(roomName(param));
      expectRoute(await send({ roomId: group._id }), 400, bodyParamRequired(param));
      expectRoute(await send({ [param]: 'x' }), 400, ROOM_PARAM_NOT_PROVIDED);
      expectRoute(await send({ roomName: roomName('missing'), [param]: 'x' }), 400, ROOM_NOT_FOUND);
      expectRoute(await send({ roomId: group._id, [param]: 'x' }, LIMITED), 400, EDITING_NOT_ALLOWED);
      await archive(group._id);
      expectRoute(await send({ roomId: group._id, [param]: 'x' }), 400, roomArchived(group.name));
    });

    it('401 without valid credentials (before the body)', async () => {
      await expectUnauthorized(operationId, path, {});
    });

    it('413 for a body over the limit (modelled)', async () => {
      await expectTooLarge(operationId, path);
    });
  });
}
