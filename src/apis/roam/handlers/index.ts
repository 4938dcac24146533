import { eraseHandlers, type HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/roam.ts';
import type { RoamContext } from '../context.ts';
import { addUsersToGroupPut } from './add-users-to-group-put.ts';
import { addUsersToGroup } from './add-users-to-group.ts';
import { createGroup } from './create-group.ts';
import { createUser } from './create-user.ts';
import { getGroups } from './get-groups.ts';
import { getUser } from './get-user.ts';
import { updateGroup } from './update-group.ts';

/** One handler per operationId of openapi/roam.yaml; a missing one fails to compile. */
const handlers = {
  createGroup,
  getGroups,
  updateGroup,
  addUsersToGroup,
  addUsersToGroupPut,
  createUser,
  getUser,
} satisfies HandlerMap<operations, RoamContext>;

/** The Roam handlers erased for dispatch by operationId string. */
export const roamHandlers = eraseHandlers<operations, RoamContext>(handlers);
