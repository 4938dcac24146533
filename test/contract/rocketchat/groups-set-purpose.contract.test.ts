import { describeTextRoute } from './room-settings-text-suite.ts';

describeTextRoute('groupsSetPurpose', 'groups.setPurpose', 'purpose', 'description');
