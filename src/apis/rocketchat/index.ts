import { fromRoot } from '../../paths.ts';
import type { ApiDefinition } from '../../core/api.ts';
import { payloadTooLargeResponse } from './errors.ts';
import { loadRocketChatFixtures } from './fixtures.ts';
import { parseRocketChatBody } from './parse-body.ts';
import { rejectRocketChatInvalid, rejectRocketChatStrict } from './reject-invalid.ts';
import { rocketchatHeaders } from './wire.ts';

/**
 * The Rocket.Chat REST API slice the twin models (openapi/rocketchat.yaml): authentication, users,
 * permissions, settings, teams and the private-group API, with the 7.x/8.x server's headers
 * (wire.ts) and body parser (parse-body.ts).
 */
export const rocketchatApi: ApiDefinition = {
  name: 'rocketchat',
  specPath: fromRoot('openapi/rocketchat.yaml'),
  pathPrefix: '/api/v1/',
  // 7.x/8.x routes run their own checks; the spec's issues are never listed (reject-invalid.ts).
  validationErrors: 'first',
  responseHeaders: rocketchatHeaders,
  loadFixtures: (dir, deps) => loadRocketChatFixtures(dir, deps),
  // §5.3: the vendor's parser never fails, so neither does this one.
  parseBody: (_operationId, raw, contentType) => ({ ok: true, body: parseRocketChatBody(raw, contentType) }),
  rejectInvalid: rejectRocketChatInvalid,
  rejectStrict: rejectRocketChatStrict,
  payloadTooLarge: payloadTooLargeResponse,
};
