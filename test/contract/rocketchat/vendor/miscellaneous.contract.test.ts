import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_USERNAME, body, expectJson, PASSWORD, VendorRun } from './vendor-client.ts';

/**
 * Replay of the vendor's `apps/meteor/tests/end-to-end/api/miscellaneous.ts` (@0037f042): the cases that use only routes the twin models (login in its four body forms, me).
 * /info, /directory, /spotlight, /instances.get, /shield.svg, /pw.*, /stdout.queue are not modelled (and left out).
 */
const run = new VendorRun('miscellaneous');

describe('miscellaneous', () => {
  beforeAll(() => run.getCredentials());

  it('/login', () => {
    expect(run.credentials['X-Auth-Token']?.length).toBeGreaterThanOrEqual(1);
    expect(run.credentials['X-User-Id']?.length).toBeGreaterThanOrEqual(1);
  });

  it.each<[string, Record<string, unknown>]>([
    ['/login (wrapper username)', { user: { username: ADMIN_USERNAME }, password: ADMIN_PASSWORD }],
    ['/login (wrapper email)', { user: { email: ADMIN_EMAIL }, password: ADMIN_PASSWORD }],
    ['/login by user', { user: ADMIN_EMAIL, password: ADMIN_PASSWORD }],
    ['/login by username', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }],
  ])('%s', async (_title, json) => {
    const res = await run.post('login', run.anonymous, json);
    expectJson(res);
    expect(res.status).toBe(200);
    const b = body(res);
    expect(b).toHaveProperty('status', 'success');
    expect(b.data).toBeTypeOf('object');
    for (const key of ['userId', 'authToken', 'me']) expect(b.data).toHaveProperty(key);
  });

  it('/me', async () => {
    const user = await run.createUser();
    const userCredentials = await run.login(user.username, PASSWORD);
    const res = await run.get('me', userCredentials);
    expectJson(res);
    expect(res.status).toBe(200);
    // The community edition's keys (IS_EE adds omnichannelTranscriptPDF).
    const allUserPreferencesKeys = [
      'alsoSendThreadToChannel', 'newRoomNotification', 'newMessageNotification', 'showThreadsInMainChannel', 'useEmojis',
      'convertAsciiEmoji', 'saveMobileBandwidth', 'collapseMediaByDefault', 'autoImageLoad', 'emailNotificationMode', 'unreadAlert',
      'notificationsSoundVolume', 'omnichannelTranscriptEmail', 'desktopNotifications', 'pushNotifications', 'enableAutoAway',
      'desktopNotificationRequireInteraction', 'hideUsernames', 'hideRoles', 'displayAvatars', 'hideFlexTab', 'sendOnEnter',
      'idleTimeLimit', 'sidebarShowFavorites', 'sidebarShowUnread', 'themeAppearence', 'sidebarSortby', 'sidebarViewMode',
      'sidebarDisplayAvatar', 'sidebarGroupByType', 'sidebarSectionsOrder', 'muteFocusedConversations', 'notifyCalendarEvents',
      'enableMobileRinging', 'featuresPreview',
    ];
    const b = body(res);
    expect(b).toHaveProperty('success', true);
    expect(b).toHaveProperty('_id', user._id);
    expect(b).toHaveProperty('username', user.username);
    expect(b).toHaveProperty('active');
    expect(b).toHaveProperty('name');
    expect(Array.isArray(b.roles)).toBe(true);
    expect(b).toHaveProperty(['emails', 0, 'address'], user.emails?.[0]?.address);
    expect(b).toHaveProperty('settings.preferences');
    const preferences = (b.settings as { preferences: object }).preferences;
    expect(Object.keys(preferences).sort()).toEqual([...allUserPreferencesKeys].sort());
    // chai refuses a property assertion on an undefined target: `services` must be there.
    expect(b.services).toBeTypeOf('object');
    expect(b.services).not.toHaveProperty('password.bcrypt');
    await run.deleteUser(user);
  });
});
