import { fromRoot } from '../../paths.ts';
import type { ApiDefinition } from '../../core/api.ts';
import { payloadTooLarge } from './errors.ts';
import { loadRoamFixtures } from './fixtures.ts';
import { parseRoamBody } from './parse-body.ts';
import { rejectRoamInvalid, rejectRoamStrict } from './reject-invalid.ts';

/**
 * The Roam.ai v1 user-groups and users API (openapi/roam.yaml; research/roam.md).
 * No vendor-wide response headers: none are documented, so the twin adds none.
 */
export const roamApi: ApiDefinition = {
  name: 'roam',
  specPath: fromRoot('openapi/roam.yaml'),
  pathPrefix: '/v1/api/',
  // DRF details list every failing field (reject-invalid.ts).
  validationErrors: 'all',
  responseHeaders: () => ({}),
  loadFixtures: (dir, deps) => loadRoamFixtures(dir, deps),
  parseBody: parseRoamBody,
  rejectInvalid: rejectRoamInvalid,
  rejectStrict: rejectRoamStrict,
  payloadTooLarge,
};
