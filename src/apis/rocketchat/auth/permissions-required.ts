/**
 * Routes declared with `permissionsRequired` (checked by a middleware before the action, all of
 * them, globally: research notes issue 10 §1.9, issue 11 §1.2). Routes that check permissions
 * inside their action (groups.create, users.create, …) are not listed: they answer 400.
 */
export const PERMISSIONS_REQUIRED: ReadonlyMap<string, readonly string[]> = new Map([
  ['usersDelete', ['delete-user']],
  ['permissionsUpdate', ['access-permissions']],
  ['settingsGet', ['view-privileged-setting']],
  ['settingsPost', ['edit-privileged-setting']],
  ['teamsCreate', ['create-team']],
  ['groupsListAll', ['view-room-administration']],
]);

/**
 * Routes declared with `permissionsRequired` and `operation: 'hasAny'` (any one of the listed
 * global permissions passes). The session's middleware checks only the all-of map above, so each
 * of these routes' handlers asks `anyPermissionRefusal` (integrations/integration-query.ts) first:
 * the same 403 body and the middleware's headers, before anything about the request is read.
 */
export const PERMISSIONS_REQUIRED_ANY: ReadonlyMap<string, readonly string[]> = new Map([
  [
    'groupsGetIntegrations',
    ['manage-outgoing-integrations', 'manage-own-outgoing-integrations', 'manage-incoming-integrations', 'manage-own-incoming-integrations'],
  ],
]);
