import { createHash } from 'node:crypto';
import type { components } from '../../../generated/rocketchat.ts';
import type { StoredUser } from '../model.ts';
import type { RocketChatStore } from '../store/store.ts';
import type { CustomFieldMeta } from './custom-fields.ts';

type UsersUser = components['schemas']['UsersUser'];
type UsersInfoUser = components['schemas']['UsersInfoUser'];
type UsersInfoRoom = components['schemas']['UsersInfoRoom'];

/**
 * Users as the users.* routes return them (research notes issue 10 §4; ApiClass
 * `defaultFieldsToExclude` / `limitedUserFieldsToExclude*`, vendor `getFullUserData.ts`). Keys
 * come in the order of the vendor's user document (createdAt, services, username, emails, type,
 * status, active, roles, _updatedAt, name, settings, …); absent fields are left out.
 */

/** Every field the twin stores, in document order; each view picks from it. */
function documentOf(user: StoredUser): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    _id: user._id,
    createdAt: user.createdAt,
    username: user.username,
    emails: user.emails.map((email) => ({ ...email })),
    type: user.type,
    status: user.status,
    active: user.active,
    roles: [...user.roles],
    _updatedAt: user._updatedAt,
    name: user.name,
    // saveNewUser stores `settings: {}`; saved preferences live under it.
    settings: Object.keys(user.preferences).length === 0 ? {} : { preferences: { ...user.preferences } },
  };
  const optional: [string, unknown][] = [
    ['requirePasswordChange', user.requirePasswordChange],
    ['bio', user.bio],
    ['nickname', user.nickname],
    ['statusText', user.statusText],
    ['statusDefault', user.statusDefault],
    ['utcOffset', user.utcOffset],
    ['customFields', user.customFields === undefined ? undefined : { ...user.customFields }],
  ];
  for (const [key, value] of optional) if (value !== undefined) doc[key] = value;
  return doc;
}

/** Fields users.create / users.update hide from callers without `view-full-other-user-info`. */
const LIMITED = new Set(['emails', 'createdAt', 'roles', '_updatedAt', 'settings', 'requirePasswordChange', 'statusDefault']);

/**
 * The re-read user of users.create / users.update: `services` is never shown; callers without
 * `view-full-other-user-info` also lose the limited fields and the custom fields the setting does
 * not mark `public` (`setLimitedCustomFields`).
 */
export function userDocumentView(user: StoredUser, privileged: boolean, meta: ReadonlyMap<string, CustomFieldMeta> | undefined): UsersUser {
  const doc = documentOf(user);
  if (privileged) return doc as UsersUser;
  const limited: Record<string, unknown> = Object.fromEntries(Object.entries(doc).filter(([key]) => !LIMITED.has(key)));
  if (user.customFields !== undefined && meta) {
    limited.customFields = Object.fromEntries(Object.entries(user.customFields).filter(([name]) => meta.get(name)?.public !== false));
  }
  // documentOf builds exactly the UsersUser shape; the record type only serves the key order.
  return limited as UsersUser;
}

/** Fields users.info always shows (`defaultFields`) and the ones of `fullFields`. */
const INFO_DEFAULT = ['name', 'username', 'nickname', 'status', 'utcOffset', 'type', 'active', 'bio', 'statusText'];
const INFO_FULL = ['emails', 'createdAt', 'requirePasswordChange', 'roles'];

/** Meteor's `Accounts._hashLoginToken`: base64 SHA-256 of the token. */
function hashedToken(token: string): string {
  return createHash('sha256').update(token).digest('base64');
}

/**
 * `getFullUserDataByIdOrUsernameOrImportId` for a found user: the default fields, the full ones
 * when `canViewAllInfo`, the defined custom fields (only `public` ones otherwise), `services`
 * for oneself (`password: true`, `resume.loginTokens` hashed; modelled: without `when`), then
 * `canViewAllInfo`.
 */
export function userInfoView(
  store: RocketChatStore,
  user: StoredUser,
  opts: { readonly canViewAllInfo: boolean; readonly myself: boolean; readonly meta: ReadonlyMap<string, CustomFieldMeta> | undefined },
): UsersInfoUser {
  const doc = documentOf(user);
  const shown = new Set(['_id', ...INFO_DEFAULT, ...(opts.canViewAllInfo ? INFO_FULL : [])]);
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (shown.has(key)) view[key] = value;
    if (key === 'createdAt' && opts.myself) {
      const services = servicesOf(store, user);
      if (services) view.services = services;
    }
  }
  if (opts.meta && user.customFields !== undefined) {
    const picked = Object.entries(user.customFields).filter(([name]) => {
      const field = opts.meta?.get(name);
      return field !== undefined && (opts.canViewAllInfo || field.public);
    });
    // Mongo keeps an embedded object when its projection names at least one field.
    if ([...opts.meta.values()].some((field) => opts.canViewAllInfo || field.public)) view.customFields = Object.fromEntries(picked);
  }
  view.canViewAllInfo = opts.canViewAllInfo;
  return view as UsersInfoUser;
}

function servicesOf(store: RocketChatStore, user: StoredUser): UsersInfoUser['services'] {
  const tokens = store.tokens.entries().filter((entry) => entry.userId === user._id);
  if (user.password === undefined && tokens.length === 0) return undefined;
  return {
    ...(user.password === undefined ? {} : { password: true as const }),
    ...(tokens.length === 0 ? {} : { resume: { loginTokens: tokens.map((entry) => ({ hashedToken: hashedToken(entry.token) })) } }),
  };
}

/**
 * `includeUserRooms`: the user's subscriptions projected to `rid, name, t, roles, unread`
 * (`_id` always), sorted by `t` then `name`. Subscriptions without room roles have no `roles`.
 */
export function userRoomsView(store: RocketChatStore, user: StoredUser): UsersInfoRoom[] {
  const rooms: UsersInfoRoom[] = [];
  for (const room of store.rooms.roomsOf(user._id)) {
    const sub = store.rooms.subscription(room._id, user._id);
    if (!sub) continue;
    rooms.push({ _id: sub._id, unread: sub.unread, rid: room._id, name: room.name, t: room.t, ...(sub.roles.length === 0 ? {} : { roles: [...sub.roles] }) });
  }
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return rooms.sort((a, b) => order(a.t, b.t) || order(a.name, b.name));
}
