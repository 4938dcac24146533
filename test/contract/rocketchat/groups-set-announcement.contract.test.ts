import { describeTextRoute } from './room-settings-text-suite.ts';

describeTextRoute('groupsSetAnnouncement', 'groups.setAnnouncement', 'announcement', 'announcement');
