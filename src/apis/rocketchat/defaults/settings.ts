/**
 * Default values of the settings the modelled endpoints read, from the vendor's settings
 * registry (`apps/meteor/server/settings/{general,accounts,e2e,layout,rate,message}.ts`; research
 * notes issue 10 §6.3 and §3.3, issue 11 §1.5). `GET/POST /api/v1/settings/:_id` know exactly
 * these ids; the vendor registers about a thousand, and the others answer `{"success":false}`
 * as an unknown id does. Values marked [inferred] in the research are modelled.
 */

/** The 35 user preferences of a Community server, `Accounts_Default_User_Preferences_<key>`, in registration order. */
export const DEFAULT_PREFERENCES: Readonly<Record<string, unknown>> = {
  enableAutoAway: true,
  idleTimeLimit: 300,
  desktopNotificationRequireInteraction: false,
  desktopNotifications: 'all',
  pushNotifications: 'all',
  unreadAlert: true,
  useEmojis: true,
  convertAsciiEmoji: true,
  autoImageLoad: true,
  saveMobileBandwidth: true,
  collapseMediaByDefault: false,
  hideUsernames: false,
  hideRoles: false,
  hideFlexTab: false,
  displayAvatars: true,
  sidebarGroupByType: true,
  themeAppearence: 'auto',
  sidebarViewMode: 'medium',
  sidebarDisplayAvatar: true,
  sidebarShowUnread: false,
  sidebarSortby: 'activity',
  showThreadsInMainChannel: false,
  alsoSendThreadToChannel: 'default',
  sidebarShowFavorites: true,
  sendOnEnter: 'normal',
  emailNotificationMode: 'mentions',
  newRoomNotification: 'door',
  newMessageNotification: 'chime',
  muteFocusedConversations: true,
  notificationsSoundVolume: 100,
  omnichannelTranscriptEmail: false,
  notifyCalendarEvents: true,
  enableMobileRinging: true,
  sidebarSectionsOrder: ['Incoming_Calls', 'Incoming_Livechats', 'Open_Livechats', 'On_Hold_Chats', 'Unread', 'Favorites', 'Teams', 'Discussions', 'Channels', 'Direct_Messages', 'Conversations'],
  featuresPreview: '[]',
};

/** The prefix that turns a preference key into its setting id. */
export const PREFERENCE_PREFIX = 'Accounts_Default_User_Preferences_';

/** Settings the vendor registers as hidden: `settings/:_id` treats them as unknown. */
export const HIDDEN_SETTINGS: ReadonlySet<string> = new Set(['Accounts_SystemBlockedUsernameList']);

/** Every modelled setting and its default value. */
export const DEFAULT_SETTINGS: Readonly<Record<string, unknown>> = {
  Site_Url: 'http://localhost:3000',
  // Names (general.ts, layout.ts).
  UTF8_Channel_Names_Validation: '[0-9a-zA-Z-_.]+',
  UTF8_User_Names_Validation: '[0-9a-zA-Z-_.]+',
  UTF8_Names_Slugify: true,
  UI_Allow_room_names_with_special_chars: false,
  UI_Use_Real_Name: false,
  // End-to-end encryption (e2e.ts).
  E2E_Enable: false,
  E2E_Enabled_Default_PrivateRooms: false,
  E2E_Enabled_Default_DirectRooms: false,
  E2E_Allow_Unencrypted_Messages: false,
  // REST API (general.ts, rate.ts).
  API_Default_Count: 50,
  API_Upper_Count_Limit: 100,
  API_Allow_Infinite_Count: true,
  API_User_Limit: 500,
  API_Enable_CORS: false,
  API_CORS_Origin: '*',
  API_Enable_Shields: true,
  API_Enable_Rate_Limiter: true,
  API_Enable_Rate_Limiter_Dev: true,
  API_Enable_Rate_Limiter_Limit_Calls_Default: 10,
  API_Enable_Rate_Limiter_Limit_Time_Default: 60000,
  // Accounts (accounts.ts).
  Accounts_AllowUsernameChange: true,
  Accounts_AllowRealNameChange: true,
  Accounts_AllowEmailChange: true,
  Accounts_AllowPasswordChange: true,
  Accounts_AllowUserProfileChange: true,
  Accounts_AllowUserStatusMessageChange: true,
  Accounts_AllowUserAvatarChange: true,
  Accounts_AllowInvisibleStatusOption: true,
  Accounts_AllowDeleteOwnAccount: false,
  Accounts_AllowAnonymousRead: false,
  Accounts_RequireNameForSignUp: true,
  Accounts_EmailVerification: false,
  Accounts_Registration_Users_Default_Roles: 'user',
  Accounts_SystemBlockedUsernameList: 'admin,administrator,system,user',
  Accounts_BlockedUsernameList: '',
  Accounts_AllowedDomainsList: '',
  Accounts_BlockedDomainsList: '',
  Accounts_CustomFields: '',
  Accounts_SearchFields: 'username, name, bio, nickname',
  Accounts_LoginExpiration: 90,
  Accounts_TwoFactorAuthentication_Enabled: true,
  Accounts_Password_Policy_Enabled: false,
  Accounts_SetDefaultAvatar: true,
  // Messages (message.ts) — several defaults [inferred] in the research.
  Hide_System_Messages: [],
  Message_AllowPinning: true,
  Message_AllowStarring: true,
  Message_AllowDeleting: true,
  Message_AllowDeleting_BlockDeleteInMinutes: 0,
  Message_AllowEditing: true,
  Message_KeepHistory: false,
  Message_ShowDeletedStatus: false,
  Message_MaxAllowedSize: 5000,
  Message_Read_Receipt_Enabled: false,
  Store_Last_Message: true,
  Threads_enabled: true,
  Unread_Count: 'user_and_group_mentions_only',
  // Security headers (general.ts): shape every HTTP answer.
  Iframe_Restrict_Access: true,
  Iframe_X_Frame_Options: 'sameorigin',
  Enable_CSP: true,
  ...Object.fromEntries(Object.entries(DEFAULT_PREFERENCES).map(([key, value]) => [`${PREFERENCE_PREFIX}${key}`, value])),
};
