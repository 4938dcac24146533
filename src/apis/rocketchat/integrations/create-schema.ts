import type { ParamSchema } from '../messages/params-schema.ts';

/**
 * `isIntegrationsCreateProps` (rest-typings, the 7.x copy's keys; research notes issue 11 §7.1):
 * an incoming or an outgoing webhook, each closed. `type` is a `pattern` (unanchored, as in the
 * vendor), so a string that merely contains `webhook-incoming` passes and the route then answers
 * `Invalid integration type.`.
 */

const nullableString: ParamSchema = { type: 'string', nullable: true };
const common: Readonly<Record<string, ParamSchema>> = {
  username: { type: 'string' },
  channel: { type: 'string' },
};

export const INTEGRATIONS_CREATE_BODY: ParamSchema = {
  oneOf: [
    {
      type: 'object',
      required: ['type', 'username', 'channel', 'scriptEnabled', 'name', 'enabled'],
      additionalProperties: false,
      properties: {
        type: { type: 'string', pattern: 'webhook-incoming' },
        ...common,
        scriptEnabled: { type: 'boolean' },
        overrideDestinationChannelEnabled: { type: 'boolean' },
        script: nullableString,
        name: { type: 'string' },
        enabled: { type: 'boolean' },
        alias: nullableString,
        avatar: nullableString,
        emoji: nullableString,
        scriptEngine: nullableString,
      },
    },
    {
      type: 'object',
      required: ['type', 'username', 'channel', 'event', 'scriptEnabled', 'name', 'enabled'],
      additionalProperties: false,
      properties: {
        type: { type: 'string', pattern: 'webhook-outgoing' },
        ...common,
        event: { type: 'string' },
        targetRoom: nullableString,
        urls: { type: 'array', nullable: true, items: { type: 'string', minLength: 1 } },
        triggerWords: { type: 'array', nullable: true, items: { type: 'string', minLength: 1 } },
        triggerWordAnywhere: { type: 'boolean', nullable: true },
        token: nullableString,
        scriptEnabled: { type: 'boolean' },
        script: nullableString,
        runOnEdits: { type: 'boolean', nullable: true },
        retryFailedCalls: { type: 'boolean', nullable: true },
        retryCount: { type: 'number', nullable: true },
        retryDelay: nullableString,
        impersonateUser: { type: 'boolean', nullable: true },
        name: { type: 'string' },
        enabled: { type: 'boolean' },
        alias: nullableString,
        avatar: nullableString,
        emoji: nullableString,
        overrideDestinationChannelEnabled: { type: 'boolean' },
        scriptEngine: nullableString,
      },
    },
  ],
};

/** `isUserLogoutParamsPOST`: an optional, nullable `userId` (the schema is open). */
export const USERS_LOGOUT_BODY: ParamSchema = {
  type: 'object',
  properties: { userId: nullableString },
};
