import { describe, expect, it } from 'vitest';
import { userInfo } from '../../../../../src/apis/rocketchat/auth/user-info.ts';
import { pageLimits, pageOf } from '../../../../../src/apis/rocketchat/pagination.ts';
import { createPrivateGroup } from '../../../../../src/apis/rocketchat/rooms/create-group.ts';
import { slugify } from '../../../../../src/apis/rocketchat/rooms/room-name.ts';
import type { RocketChatStore } from '../../../../../src/apis/rocketchat/store/store.ts';
import { call, freshSession, freshStore, pinnedDeps, userOf } from '../support.ts';

function create(store: RocketChatStore, body: Record<string, unknown>) {
  return createPrivateGroup(store, pinnedDeps(), userOf(store, 'tester'), body);
}

describe('UI_Allow_room_names_with_special_chars (getValidRoomName, limax with maintainCase)', () => {
  it('slugs like limax ≥ 2: case kept, numbers not split, accents and symbols spelled out', () => {
    expect(slugify('My Group')).toBe('My-Group');
    expect(slugify('d4edcce7-2a1b')).toBe('d4edcce7-2a1b');
    expect(slugify('Café Zürich')).toBe('Cafe-Zuerich');
    expect(slugify("Tom & Jerry's room")).toBe('Tom-and-Jerrys-room');
    expect(slugify('a<b')).toBe('a-less-than-b');
    expect(slugify('snake_case.name')).toBe('snake_case-name');
    expect(slugify('  --Price $5!  ')).toBe('Price-USD5');
    expect(slugify('!!!')).toBe('');
  });

  it('name is the slug, fname the display name as sent; a taken slug gets -1', () => {
    const store = freshStore();
    store.settings.set('UI_Allow_room_names_with_special_chars', true);
    const first = create(store, { name: ' Sales Team 2025 ' });
    expect(first.ok && [first.value.name, first.value.fname]).toEqual(['Sales-Team-2025', ' Sales Team 2025 ']);
    const second = create(store, { name: 'Sales-Team 2025' });
    expect(second.ok && [second.value.name, second.value.fname]).toEqual(['Sales-Team-2025-1', 'Sales-Team 2025']);
  });

  it('a taken display name is a duplicate whose message shows the slug; slugs are still validated', () => {
    const store = freshStore();
    store.settings.set('UI_Allow_room_names_with_special_chars', true);
    expect(create(store, { name: 'Da Room' }).ok).toBe(true);
    expect(create(store, { name: ' Da Room' })).toEqual({
      ok: false,
      error: {
        success: false,
        error: "A channel with name 'Da-Room' exists [error-duplicate-channel-name]",
        errorType: 'error-duplicate-channel-name',
        details: { function: 'RocketChat.getValidRoomName', channel_name: 'Da-Room' },
      },
    });
    const empty = create(store, { name: '¿?' });
    expect(empty.ok || empty.error).toMatchObject({ error: ' is not a valid room name. [error-invalid-room-name]' });
    const blocked = create(store, { name: 'Admin!' });
    expect(blocked.ok || blocked.error).toMatchObject({ error: 'Admin is not a valid room name. [error-invalid-room-name]' });
  });

  it('off (the default): the trimmed name itself must match; fname is the raw string', () => {
    const store = freshStore();
    expect(create(store, { name: 'Sales Team' }).ok).toBe(false);
    const raw = create(store, { name: ' Sales ' });
    expect(raw.ok && [raw.value.name, raw.value.fname]).toEqual(['Sales', ' Sales ']);
  });
});

describe('UTF8_Channel_Names_Validation', () => {
  it('is anchored at both ends; an unparsable pattern falls back to the default', () => {
    const store = freshStore();
    store.settings.set('UTF8_Channel_Names_Validation', '[a-z]+');
    expect(create(store, { name: 'Upper' }).ok).toBe(false);
    expect(create(store, { name: 'lower' }).ok).toBe(true);
    store.settings.set('UTF8_Channel_Names_Validation', '[0-9a-zA-Z-_. ]+');
    expect(create(store, { name: 'with space' }).ok).toBe(true);
    store.settings.set('UTF8_Channel_Names_Validation', '([');
    expect(create(store, { name: 'Fallback-1' }).ok).toBe(true);
    expect(create(store, { name: 'no space' }).ok).toBe(false);
  });
});

describe('E2E_Enable + E2E_Enabled_Default_PrivateRooms', () => {
  it('encrypts new groups by default only with both on, unless the client said encrypted:false', () => {
    const store = freshStore();
    store.settings.set('E2E_Enabled_Default_PrivateRooms', true);
    const off = create(store, { name: 'plain' });
    expect(off.ok && off.value.extra.has('encrypted')).toBe(false);
    store.settings.set('E2E_Enable', true);
    const on = create(store, { name: 'secret' });
    expect(on.ok && on.value.extra.get('encrypted')).toBe(true);
    const declined = create(store, { name: 'declined', extraData: { encrypted: false } });
    expect(declined.ok && declined.value.extra.get('encrypted')).toBe(false);
  });
});

describe('API_Default_Count, API_Upper_Count_Limit, API_Allow_Infinite_Count (getPaginationItems)', () => {
  it('reads the settings on every call, with the vendor order of checks', () => {
    const store = freshStore();
    const page = (count?: string) => pageOf(count === undefined ? {} : { count }, pageLimits(store.settings));
    expect([page().count, page('500').count, page('0').count]).toEqual([50, 100, 0]);
    store.settings.set('API_Default_Count', 2);
    store.settings.set('API_Upper_Count_Limit', 3);
    expect([page().count, page('5').count, page('0').count]).toEqual([2, 3, 0]);
    store.settings.set('API_Allow_Infinite_Count', false);
    expect(page('0').count).toBe(2);
    // The default is clamped by the limit too; a count of 0 falls back to the unclamped default.
    store.settings.set('API_Default_Count', 10);
    expect([page().count, page('0').count]).toEqual([3, 10]);
    // Negative settings read as the registry defaults.
    store.settings.set('API_Default_Count', -1);
    store.settings.set('API_Upper_Count_Limit', -1);
    expect([page().count, page('1000').count]).toEqual([50, 100]);
  });
});

describe('settings shown by /me', () => {
  it('Accounts_Default_User_Preferences_* under the user own preferences; Site_Url trimmed', () => {
    const store = freshStore();
    const tester = userOf(store, 'tester');
    store.settings.set('Accounts_Default_User_Preferences_sidebarViewMode', 'condensed');
    store.settings.set('Site_Url', ' https://chat.example.com/ ');
    const info = userInfo(store, tester);
    expect(info.settings.preferences.sidebarViewMode).toBe('condensed');
    expect(info.avatarUrl).toBe('https://chat.example.com/avatar/tester');
    tester.preferences = { sidebarViewMode: 'extended' };
    expect(userInfo(store, tester).settings.preferences.sidebarViewMode).toBe('extended');
  });
});

describe('UI_Use_Real_Name and groups.members (findUsersOfRoom)', () => {
  it('sorts by name, then username, when on; a sort on username still wins', () => {
    const store = freshStore();
    const session = freshSession(pinnedDeps(), undefined, store);
    const tester = userOf(store, 'tester');
    // Display names in the opposite order of the usernames.
    tester.name = 'Zed';
    userOf(store, 'rocket.cat').name = 'Aaron';
    const room = createPrivateGroup(store, pinnedDeps(), tester, { name: 'names', members: ['rocket.cat', 'limited.user'] });
    expect(room.ok).toBe(true);
    const usernames = (query: Record<string, unknown> = {}) =>
      (call(session, 'groupsMembers', { query: { roomName: 'names', ...query } }).body as { members: { username: string }[] }).members.map((m) => m.username);
    expect(usernames()).toEqual(['limited.user', 'rocket.cat', 'tester']);
    store.settings.set('UI_Use_Real_Name', true);
    expect(usernames()).toEqual(['rocket.cat', 'limited.user', 'tester']);
    expect(usernames({ sort: '{"username":-1}' })).toEqual(['tester', 'rocket.cat', 'limited.user']);
  });
});
