import { Ajv, type ValidateFunction } from 'ajv';
import { once } from '../../../core/once.ts';
import { rcErrors } from '../errors.ts';
import { err, ok, type Result } from '../result.ts';
import { teamsErrors } from './team-errors.ts';

/**
 * The ajv checks of the vendor's typed team routes (research notes issue 10 §1.1 item 5, §7;
 * `packages/http-router/src/Router.ts`): the http-router runs a route's `query` or `body`
 * validator after the authentication and permission middlewares and before the action, and
 * answers the validator's messages joined by "\n ". Running ajv itself gives the vendor's exact
 * messages and keyword order (first error only, as the vendor's instances do not set allErrors).
 * The schemas are written here after the vendor's rest-typings (`TeamsCreateProps`,
 * `TeamsInfoProps`, `TeamsUpdateRoomProps` under `packages/rest-typings/src/v1/teams/`).
 */

/** `TeamsCreateProps` is compiled by its own `new Ajv()`: no type coercion. */
const createAjv = once(() => new Ajv());
/** The shared rest-typings instance (`packages/rest-typings/src/v1/Ajv.ts`) coerces scalars. */
const sharedAjv = once(() => new Ajv({ coerceTypes: true }));

const stringList = { type: 'array', items: { type: 'string' } } as const;

/**
 * teams.create's body (TCP @63dea49b), plus `sidepanel`, which the route reads and the vendor's
 * teams e2e test sends (`{items: ['channels']}` → 200). Modelled: `sidepanel` must be an object;
 * `room.options.subscriptionExtra.ls` keeps only its string type (the vendor adds ajv-formats'
 * `date-time`); the enterprise `abacAttributes` is not accepted (an additional property).
 */
const teamsCreateBody = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    type: { type: 'number', enum: [0, 1] },
    members: stringList,
    owner: { type: 'string' },
    sidepanel: { type: 'object' },
    room: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        members: stringList,
        readOnly: { type: 'boolean' },
        extraData: {
          type: 'object',
          properties: { teamId: { type: 'string' }, teamMain: { type: 'boolean' } },
          additionalProperties: true,
        },
        options: {
          type: 'object',
          properties: {
            nameValidationRegex: { type: 'string' },
            creator: { type: 'string' },
            subscriptionExtra: {
              type: 'object',
              properties: { open: { type: 'boolean' }, ls: { type: 'string' }, prid: { type: 'string' }, roles: stringList },
              required: ['open'],
            },
          },
          additionalProperties: true,
        },
      },
    },
  },
  required: ['name', 'type'],
  additionalProperties: false,
} as const;

/** teams.info's query (TIP): exactly one of teamId / teamName, nothing else. */
const teamsInfoQuery = {
  type: 'object',
  properties: { teamId: { type: 'string' }, teamName: { type: 'string' } },
  oneOf: [{ required: ['teamId'] }, { required: ['teamName'] }],
  additionalProperties: false,
} as const;

/** teams.updateRoom's body (`TeamsUpdateRoomProps` on the shared instance). */
const teamsUpdateRoomBody = {
  type: 'object',
  properties: { roomId: { type: 'string' }, isDefault: { type: 'boolean' } },
  required: ['roomId', 'isDefault'],
  additionalProperties: false,
} as const;

/** What teams.create reads once its body passed the schema. */
export interface TeamsCreateBody {
  readonly name: string;
  readonly type: 0 | 1;
  readonly members?: readonly string[];
  readonly owner?: string;
  readonly sidepanel?: object;
  readonly room?: {
    readonly id?: string;
    readonly readOnly?: boolean;
    readonly extraData?: Readonly<Record<string, unknown>>;
  };
}

/** teams.info's selector after the schema. */
export type TeamsInfoQuery = { readonly teamId: string; readonly teamName?: undefined } | { readonly teamName: string; readonly teamId?: undefined };

/** teams.updateRoom's body after the schema (coerced: `"true"` is true, `1` is `"1"`). */
export interface TeamsUpdateRoomBody {
  readonly roomId: string;
  readonly isDefault: boolean;
}

// Compiled on first use: ajv's code generation is a good part of start-up, and most runs never
// reach the teams routes.
const validateCreate = once((): ValidateFunction<TeamsCreateBody> => createAjv().compile<TeamsCreateBody>(teamsCreateBody));
const validateInfo = once((): ValidateFunction<TeamsInfoQuery> => sharedAjv().compile<TeamsInfoQuery>(teamsInfoQuery));
const validateUpdateRoom = once((): ValidateFunction<TeamsUpdateRoomBody> => sharedAjv().compile<TeamsUpdateRoomBody>(teamsUpdateRoomBody));

/** The router's message: every ajv message, joined by "\n " (HR). */
function messages(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((error) => error.message ?? '').join('\n ');
}

/** The body check of teams.create: `invalid-params` (typed body, no suffix) or the typed body. */
export function checkTeamsCreateBody(body: unknown): Result<TeamsCreateBody> {
  const validate = validateCreate();
  return validate(body) ? ok(body) : err(rcErrors.invalidParamsTyped(messages(validate)));
}

/** The query check of teams.info: `error-invalid-params` (typed query) or the selector. */
export function checkTeamsInfoQuery(query: Readonly<Record<string, unknown>>): Result<TeamsInfoQuery> {
  // The shared instance coerces in place: validate a copy, never the request's own object.
  const copy: unknown = { ...query };
  const validate = validateInfo();
  return validate(copy) ? ok(copy) : err(teamsErrors.invalidQueryParams(messages(validate)));
}

/** The body check of teams.updateRoom, with the shared instance's coercion. */
export function checkTeamsUpdateRoomBody(body: unknown): Result<TeamsUpdateRoomBody> {
  // Arrays and primitives are validated as they are; objects as a copy (coercion writes into it).
  const copy: unknown = typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body } : body;
  const validate = validateUpdateRoom();
  return validate(copy) ? ok(copy) : err(rcErrors.invalidParamsTyped(messages(validate)));
}
