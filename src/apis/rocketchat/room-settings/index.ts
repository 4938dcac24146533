import type { HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { groupsArchive } from './groups-archive.ts';
import { groupsClose } from './groups-close.ts';
import { groupsOpen } from './groups-open.ts';
import { groupsRename } from './groups-rename.ts';
import { groupsSetAnnouncement } from './groups-set-announcement.ts';
import { groupsSetCustomFields } from './groups-set-custom-fields.ts';
import { groupsSetDescription } from './groups-set-description.ts';
import { groupsSetEncrypted } from './groups-set-encrypted.ts';
import { groupsSetPurpose } from './groups-set-purpose.ts';
import { groupsSetReadOnly } from './groups-set-read-only.ts';
import { groupsSetTopic } from './groups-set-topic.ts';
import { groupsSetType } from './groups-set-type.ts';
import { groupsUnarchive } from './groups-unarchive.ts';
import { roomsSaveRoomSettings } from './rooms-save-room-settings.ts';

/** The room settings operations. */
export const roomSettingsHandlers = {
  groupsRename,
  groupsSetTopic,
  groupsSetDescription,
  groupsSetPurpose,
  groupsSetAnnouncement,
  groupsSetReadOnly,
  groupsSetType,
  groupsSetCustomFields,
  groupsSetEncrypted,
  roomsSaveRoomSettings,
  groupsArchive,
  groupsUnarchive,
  groupsOpen,
  groupsClose,
} satisfies Partial<HandlerMap<operations, RocketChatContext>>;
