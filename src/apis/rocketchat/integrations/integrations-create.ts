import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { rcErrors } from '../errors.ts';
import { messageErrors } from '../messages/message-errors.ts';
import { checkParams, recordOf } from '../messages/params-schema.ts';
import { INTEGRATIONS_CREATE_BODY } from './create-schema.ts';
import { incomingIntegration } from './incoming.ts';
import { integrationErrors } from './integration-errors.ts';
import { objectId } from './integration-ids.ts';
import { integrationView } from './integration-view.ts';
import { outgoingIntegration } from './outgoing.ts';

/**
 * POST /api/v1/integrations.create (INT @0d155da3, a typed route): schema → by `type`:
 * addIncomingIntegration (incoming.ts; its user gains the `bot` role) or addOutgoingIntegration
 * (outgoing.ts) → insert with a 24-hex `_id` → `{integration}`.
 */
export const integrationsCreate: OperationHandler<operations, 'integrationsCreate', RocketChatContext> = (input, ctx) => {
  const caller = callerOf(ctx).user;
  const checked = checkParams(INTEGRATIONS_CREATE_BODY, input.body);
  if (!checked.ok) return { status: 400, body: messageErrors.invalidBody(checked.messages) };
  const body = recordOf(checked.value);
  let doc: Record<string, unknown>;
  if (body.type === 'webhook-incoming') {
    const made = incomingIntegration(ctx.store, ctx.deps, caller, body);
    if (!made.ok) return { status: 400, body: made.error };
    doc = made.value.doc;
    const { user } = made.value;
    const roles = user.roles.includes('bot') ? user.roles : [...user.roles, 'bot'];
    if (!ctx.store.users.update(user, (u) => (u.roles = roles))) return { status: 400, body: rcErrors.sessionFull(ctx.store.byteLimit) };
  } else if (body.type === 'webhook-outgoing') {
    const made = outgoingIntegration(ctx.store, ctx.deps, caller, body);
    if (!made.ok) return { status: 400, body: made.error };
    doc = made.value;
  } else {
    return { status: 400, body: integrationErrors.invalidType() };
  }
  const id = objectId(ctx.deps.now(), ctx.deps.random);
  const stored = { ...doc, _id: id };
  if (!ctx.store.messages.insertIntegration(id, stored)) return { status: 400, body: rcErrors.sessionFull(ctx.store.byteLimit) };
  return { status: 200, body: { integration: integrationView(stored), success: true } };
};
