/**
 * The roles a fresh Rocket.Chat server creates (`upsertPermissions`, research notes issue 10 §5.3). A role's `_id` is its name. `Users` roles are held
 * globally (`user.roles`); `Subscriptions` roles per room (`subscription.roles`: the creator of a
 * room is its `owner`).
 */
export interface RoleDefinition {
  readonly _id: string;
  readonly name: string;
  readonly scope: 'Users' | 'Subscriptions';
  readonly description: string;
  readonly protected: boolean;
}

const role = (name: string, scope: RoleDefinition['scope'], description = ''): RoleDefinition => ({ _id: name, name, scope, description, protected: true });

/** In the vendor's creation order. */
export const DEFAULT_ROLES: readonly RoleDefinition[] = [
  role('admin', 'Users', 'Admin'),
  role('moderator', 'Subscriptions', 'Moderator'),
  role('leader', 'Subscriptions', 'Leader'),
  role('owner', 'Subscriptions', 'Owner'),
  role('user', 'Users'),
  role('bot', 'Users'),
  role('app', 'Users'),
  role('guest', 'Users'),
  role('anonymous', 'Users'),
  role('livechat-agent', 'Users', 'Livechat Agent'),
  role('livechat-manager', 'Users', 'Livechat Manager'),
];
