import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/roam.ts';
import type { RoamContext } from '../context.ts';
import { groupUsers } from './add-users-to-group.ts';

/**
 * PUT /v1/api/group/user/: the current docs' page header says PUT while their curl sample says
 * POST (research/roam.md §5a), so both are served with one behaviour.
 */
export const addUsersToGroupPut: OperationHandler<operations, 'addUsersToGroupPut', RoamContext> = (input, ctx) => groupUsers(input.body, ctx);
