import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/roam.ts';
import type { RoamContext } from '../context.ts';
import { sessionFull } from '../errors.ts';
import { isFull } from '../store.ts';
import { ownField } from '../own-field.ts';
import { formatTimestamp } from '../timestamp.ts';
import { createdUserView } from '../views.ts';

/**
 * POST /v1/api/user/ (research/roam.md §6, verified request and 201 body): the new user belongs to
 * the key's project; `description` and `metadata` are null when not sent.
 */
export const createUser: OperationHandler<operations, 'createUser', RoamContext> = (input, ctx) => {
  const at = ctx.now();
  const metadata = ownField(input.body, 'metadata');
  const user = ctx.store.addUser({
    id: ctx.ids.next(at),
    projectId: ctx.project.projectId,
    appType: input.body.app_type,
    deviceToken: input.body.device_token,
    description: ownField(input.body, 'description') ?? null,
    // A private copy: the caller's object must not alias stored state. structuredClone keeps a
    // `__proto__` key as data.
    metadata: metadata === undefined ? null : structuredClone(metadata),
    createdAt: formatTimestamp(at),
  });
  if (isFull(user)) return sessionFull('User', user.full, ctx.store.byteLimit);
  return {
    status: 201,
    body: { status: true, msg: 'User tracking initiated successfully.', code: 201, data: createdUserView(user, ctx.project) },
  };
};
