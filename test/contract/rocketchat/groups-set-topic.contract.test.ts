import { describeTextRoute } from './room-settings-text-suite.ts';

describeTextRoute('groupsSetTopic', 'groups.setTopic', 'topic', 'topic');
