import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  loginFailedBody,
  payloadTooLargeResponse,
  rcErrors,
  unauthorizedBody,
} from '../../../../src/apis/rocketchat/errors.ts';
import { escapeHtml } from '../../../../src/apis/rocketchat/rooms/room-name.ts';
import { specDocument } from './support.ts';

// The spec's components as one schema, so `#/components/schemas/X` resolves inside it.
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'rocketchat', ...(specDocument() as object) });
const validatorFor = (name: string) => {
  const validate = ajv.getSchema(`rocketchat#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate;
};

function expectSchema(name: string, body: unknown): void {
  const validate = validatorFor(name);
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

describe('Rocket.Chat envelopes validate against the spec', () => {
  const failures = {
    nameRequired: rcErrors.nameRequired(),
    membersNotArray: rcErrors.membersNotArray(),
    customFieldsNotObject: rcErrors.customFieldsNotObject(),
    extraDataNotObject: rcErrors.extraDataNotObject(),
    matchError: rcErrors.matchError('Expected string, got number'),
    teamNotFound: rcErrors.teamNotFound(),
    notAllowed: rcErrors.notAllowed('createPrivateGroup'),
    federationNotAuthorized: rcErrors.federationNotAuthorized(),
    invalidName: rcErrors.invalidName(),
    invalidRoomName: rcErrors.invalidRoomName(escapeHtml('a b')),
    duplicateName: rcErrors.duplicateName('general'),
    roomLimitReached: rcErrors.roomLimitReached(10),
    roomParamNotProvided: rcErrors.roomParamNotProvided(),
    roomNotFound: rcErrors.roomNotFound(),
    usersParamsNotProvided: rcErrors.usersParamsNotProvided(),
    emptyInviteList: rcErrors.emptyInviteList(),
    invalidSort: rcErrors.invalidSort('{"name":2}'),
    forbidden: rcErrors.forbidden(),
    payloadTooLarge: rcErrors.payloadTooLarge(),
  };

  it.each(Object.entries(failures))('%s is a Failure', (_name, body) => {
    expectSchema('Failure', body);
  });

  it('401 bodies: documented and merged', () => {
    expect(unauthorizedBody('documented')).toEqual({ status: 'error', message: 'You must be logged in to do this.' });
    expect(unauthorizedBody('merged')).toEqual({
      success: false,
      error: 'You must be logged in to do this.',
      status: 'error',
      message: 'You must be logged in to do this.',
    });
    expectSchema('Unauthorized', unauthorizedBody('documented'));
    expectSchema('Unauthorized', unauthorizedBody('merged'));
  });

  it('failed login and 413', () => {
    expectSchema('LoginFailure', loginFailedBody());
    expect(payloadTooLargeResponse()).toEqual({ status: 413, body: { success: false, error: 'Request entity too large' } });
  });

  it('Meteor errors: "<reason> [<code>]" with errorType, details only when given', () => {
    expect(rcErrors.roomNotFound()).toEqual({
      success: false,
      error: 'The required "roomId" or "roomName" param provided does not match any group [error-room-not-found]',
      errorType: 'error-room-not-found',
    });
    expect(rcErrors.notAllowed('eraseRoom')).toEqual({
      success: false,
      error: 'Not allowed [error-not-allowed]',
      errorType: 'error-not-allowed',
      details: { method: 'eraseRoom' },
    });
    expect(rcErrors.invalidSort('x')).toEqual({
      success: false,
      error: 'Invalid sort parameter provided: "x" [error-invalid-sort]',
      errorType: 'error-invalid-sort',
      details: { helperMethod: 'parseJsonQuery' },
    });
  });

  it('the spec examples of every 400 match what the builders produce', () => {
    const examples = (specDocument() as { components: { examples: Record<string, { value: unknown }> } }).components.examples;
    expect(examples.NameRequired?.value).toEqual(failures.nameRequired);
    expect(examples.TeamNotFound?.value).toEqual(failures.teamNotFound);
    expect(examples.CreateNotAllowed?.value).toEqual(failures.notAllowed);
    expect(examples.DuplicateName?.value).toEqual(failures.duplicateName);
    expect(examples.InvalidSort?.value).toEqual(failures.invalidSort);
    expect(examples.RoomNotFound?.value).toEqual(failures.roomNotFound);
    expect(examples.UsersParamsNotProvided?.value).toEqual(failures.usersParamsNotProvided);
    expect(examples.InvalidRoomName?.value).toEqual(rcErrors.invalidRoomName(escapeHtml('my group<1>')));
    expect(examples.RoomLimitReached?.value).toEqual(rcErrors.roomLimitReached(100_000));
    expect(examples.NotLoggedIn?.value).toEqual(unauthorizedBody('documented'));
    expect(examples.NotLoggedInMerged?.value).toEqual(unauthorizedBody('merged'));
    expect(examples.BadCredentials?.value).toEqual(loginFailedBody());
  });
});
