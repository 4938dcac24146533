import { describe } from 'vitest';
import { addUsersCases } from './add-users-cases.ts';

describe('addUsersToGroupPut PUT /v1/api/group/user/ (research §5a: the docs say PUT and POST)', () => {
  addUsersCases('addUsersToGroupPut', 'PUT');
});
