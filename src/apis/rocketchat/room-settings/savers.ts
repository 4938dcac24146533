import type { Failure } from '../errors.ts';
import {
  saveAvatar,
  saveRetentionEnabled,
  saveRetentionExcludePinned,
  saveRetentionFilesOnly,
  saveRetentionIgnoreThreads,
  saveRetentionMaxAge,
  saveRetentionOverrideGlobal,
  saveSidepanel,
} from './admin-savers.ts';
import {
  saveDefault,
  saveEncrypted,
  saveFavorite,
  saveFeatured,
  saveJoinCode,
  saveReactWhenReadOnly,
  saveReadOnly,
  saveRoomType,
} from './flag-savers.ts';
import { saveRoomName } from './rename.ts';
import type { SaveInput, Saver } from './saver.ts';
import type { SettingKey } from './setting-keys.ts';
import { saveAnnouncement, saveCustomFields, saveDescription, saveSystemMessages, saveTopic } from './text-savers.ts';

/**
 * The SRS saver of every accepted key (`settingSavers` in saveRoomSettings.ts, research notes
 * issue 11 §2 step 9). They run in the order the keys were sent; an error stops the call, and
 * what earlier savers wrote stays written, as at the vendor.
 */

/**
 * `roomName`: saveRoomName; when the name changed and the room is a team's main room, the team
 * takes the name too (`Team.update`, fire-and-forget at the vendor: a clash leaves the team as is).
 */
const saveName: Saver = (input) => {
  const renamed = saveRoomName(input.env, input.room, input.value);
  if (!renamed.ok) return renamed.error;
  const { room, env } = input;
  if (renamed.value !== undefined && room.teamMain === true && room.teamId !== undefined) {
    const team = env.store.teams.team(room.teamId);
    if (team) env.store.teams.rename(team, renamed.value);
  }
  return undefined;
};

const savers: Record<SettingKey, Saver> = {
  roomAvatar: saveAvatar,
  featured: saveFeatured,
  roomName: saveName,
  roomTopic: saveTopic,
  roomAnnouncement: saveAnnouncement,
  roomCustomFields: saveCustomFields,
  roomDescription: saveDescription,
  roomType: saveRoomType,
  readOnly: saveReadOnly,
  reactWhenReadOnly: saveReactWhenReadOnly,
  systemMessages: saveSystemMessages,
  default: saveDefault,
  joinCode: saveJoinCode,
  retentionEnabled: saveRetentionEnabled,
  retentionMaxAge: saveRetentionMaxAge,
  retentionExcludePinned: saveRetentionExcludePinned,
  retentionFilesOnly: saveRetentionFilesOnly,
  retentionIgnoreThreads: saveRetentionIgnoreThreads,
  retentionOverrideGlobal: saveRetentionOverrideGlobal,
  encrypted: saveEncrypted,
  favorite: saveFavorite,
  sidepanel: saveSidepanel,
};

/** Runs the saver of `key`. */
export function saveSetting(key: SettingKey, input: SaveInput): Failure | undefined {
  return savers[key](input);
}
