import { describe } from 'vitest';
import { addUsersCases } from './add-users-cases.ts';

describe('addUsersToGroup POST /v1/api/group/user/ (research §5a)', () => {
  addUsersCases('addUsersToGroup', 'POST');
});
