import { describeTextRoute } from './room-settings-text-suite.ts';

describeTextRoute('groupsSetDescription', 'groups.setDescription', 'description', 'description');
