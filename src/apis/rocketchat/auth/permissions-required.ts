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
