import { DEFAULT_PREFERENCES, PREFERENCE_PREFIX } from '../defaults/settings.ts';
import type { StoredUser } from '../model.ts';
import type { RocketChatStore } from '../store/store.ts';

/** The caller as `GET /api/v1/me` and login's `data.me` show it. */
export interface UserInfo {
  _id: string;
  username: string;
  emails: { address: string; verified: boolean }[];
  status: string;
  statusDefault?: string;
  statusText?: string;
  active: boolean;
  roles: string[];
  name: string;
  nickname?: string;
  bio?: string;
  utcOffset?: number;
  customFields?: Record<string, unknown>;
  requirePasswordChange?: boolean;
  _updatedAt: string;
  email?: string;
  settings: { profile: Record<string, never>; preferences: Record<string, unknown>; calendar: Record<string, never> };
  avatarUrl: string;
  isOAuthUser: boolean;
  services?: { password: { exists: boolean } };
}

/**
 * `getUserInfo(user)` over the user's base fields (MISC `/me`, GUI; research notes issue 10 §3):
 * the stored fields (absent ones left out), then `email` (the first verified address),
 * `settings` replaced by `{profile: {}, preferences, calendar: {}}` where `preferences` is the
 * default of every `Accounts_Default_User_Preferences_*` setting under the user's own,
 * `avatarUrl` (`<Site_Url>/avatar/<username>`), `isOAuthUser`, and `services.password.exists`
 * (never a hash). Read on every request, so a changed setting shows at once.
 */
export function userInfo(store: RocketChatStore, user: StoredUser): UserInfo {
  const preferences: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_PREFERENCES)) preferences[key] = store.settings.get(`${PREFERENCE_PREFIX}${key}`);
  const verified = user.emails.find((email) => email.verified);
  const info: UserInfo = {
    _id: user._id,
    username: user.username,
    emails: user.emails.map((email) => ({ ...email })),
    status: user.status,
    ...(user.statusDefault === undefined ? {} : { statusDefault: user.statusDefault }),
    ...(user.statusText === undefined ? {} : { statusText: user.statusText }),
    active: user.active,
    roles: [...user.roles],
    name: user.name,
    ...(user.nickname === undefined ? {} : { nickname: user.nickname }),
    ...(user.bio === undefined ? {} : { bio: user.bio }),
    ...(user.utcOffset === undefined ? {} : { utcOffset: user.utcOffset }),
    ...(user.customFields === undefined ? {} : { customFields: { ...user.customFields } }),
    ...(user.requirePasswordChange === undefined ? {} : { requirePasswordChange: user.requirePasswordChange }),
    _updatedAt: user._updatedAt,
    ...(verified === undefined ? {} : { email: verified.address }),
    settings: { profile: {}, preferences: { ...preferences, ...user.preferences }, calendar: {} },
    // getURL(`/avatar/<username>`, {full: true}): Site_Url trimmed of spaces, then of trailing slashes.
    avatarUrl: `${store.settings.string('Site_Url').trim().replace(/\/+$/, '')}/avatar/${user.username}`,
    isOAuthUser: false,
  };
  // Users without a password (bots) have no `services` in the twin.
  if (user.password !== undefined) info.services = { password: { exists: true } };
  return info;
}
