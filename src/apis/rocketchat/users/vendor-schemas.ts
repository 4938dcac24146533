/**
 * The request schemas of the 7.x `users.*` routes, as `@rocket.chat/rest-typings` declares them
 * (research notes issue 10 §4; `packages/rest-typings/src/v1/users/UserCreateParamsPOST.ts` @
 * b810546a, `UsersUpdateParamsPOST.ts` @ acf7dd00, `UsersInfoParamsGet.ts` @ 090ca7d4). The
 * routes hand them to `validateParams`, whose ajv coerces types (`"true"` → `true`), which the
 * twin's spec validation does not do for bodies; params-check.ts runs them the vendor's way.
 * openapi/rocketchat.yaml describes the same bodies (`UsersCreateRequest`, `UsersUpdateRequest`;
 * `nullable` written as a `null` type); test/unit/apis/rocketchat/users/vendor-schemas.test.ts
 * keeps the two in step.
 */

const nullable = (type: string): Record<string, unknown> => ({ type, nullable: true });

/** `isUserCreateParamsPOST` (7.x: no `phones`, no `freeSwitchExtension`). Property order matters: ajv reports the first failure. */
export const USERS_CREATE_SCHEMA = {
  type: 'object',
  properties: {
    email: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    username: { type: 'string' },
    active: nullable('boolean'),
    bio: nullable('string'),
    nickname: nullable('string'),
    statusText: nullable('string'),
    roles: { type: 'array', items: { type: 'string' } },
    joinDefaultChannels: nullable('boolean'),
    requirePasswordChange: nullable('boolean'),
    setRandomPassword: nullable('boolean'),
    sendWelcomeEmail: nullable('boolean'),
    verified: nullable('boolean'),
    customFields: { type: 'object' },
    fields: nullable('string'),
  },
  additionalProperties: false,
  required: ['email', 'name', 'password', 'username'],
} as const;

/** `isUsersUpdateParamsPOST`: `userId` non-empty, no `joinDefaultChannels` in `data`. */
export const USERS_UPDATE_SCHEMA = {
  type: 'object',
  properties: {
    userId: { type: 'string', minLength: 1 },
    confirmRelinquish: { type: 'boolean' },
    data: {
      type: 'object',
      properties: {
        email: nullable('string'),
        name: nullable('string'),
        password: nullable('string'),
        username: nullable('string'),
        bio: nullable('string'),
        nickname: nullable('string'),
        statusText: nullable('string'),
        active: nullable('boolean'),
        roles: { type: 'array', items: { type: 'string' }, nullable: true },
        requirePasswordChange: nullable('boolean'),
        setRandomPassword: nullable('boolean'),
        sendWelcomeEmail: nullable('boolean'),
        verified: nullable('boolean'),
        customFields: nullable('object'),
        status: nullable('string'),
      },
      required: [],
      additionalProperties: false,
    },
  },
  required: ['userId', 'data'],
  additionalProperties: false,
} as const;

const infoBranch = (key: string): Record<string, unknown> => ({
  type: 'object',
  properties: { [key]: { type: 'string' }, includeUserRooms: { type: 'string' }, fields: nullable('string') },
  required: [key],
  additionalProperties: false,
});

/** `isUsersInfoParamsGetProps`: exactly one of `userId`, `username`, `importId`, plus `includeUserRooms` and `fields`. */
export const USERS_INFO_SCHEMA = { anyOf: [infoBranch('userId'), infoBranch('username'), infoBranch('importId')] } as const;
