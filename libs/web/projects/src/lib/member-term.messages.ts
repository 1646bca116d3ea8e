import { defineMessages } from '@roundtable/web-i18n';

// A member's term on the group page (ADR 035): keys read `memberTerm.*`.

export const memberTermMessages = defineMessages(
  'memberTerm',
  {
    endsOn: 'term ends {{date}}',
    endingSoon: 'term ends {{date}}: name a successor or record a vacancy before then',
    endingSoonMember: 'term ends soon ({{date}})',
    ended: 'term ended {{date}}',
    endedCoChair: 'term ended {{date}}: end the membership with a successor or a recorded vacancy',
    set: 'Set term end',
    label: 'Term ends on {{name}}',
    save: 'Save term',
    clear: 'Clear term',
    confirmClear: 'Clear the term end of {{name}}?',
    cancel: 'Cancel',
  },
  {
    endsOn: '任期至 {{date}}',
    endingSoon: '任期至 {{date}}：请在此之前指定继任者或记录空缺',
    endingSoonMember: '任期即将结束（{{date}}）',
    ended: '任期已于 {{date}} 结束',
    endedCoChair: '任期已于 {{date}} 结束：请指定继任者或记录空缺后结束其成员身份',
    set: '设置任期结束日期',
    label: '{{name}} 的任期结束日期',
    save: '保存任期',
    clear: '清除任期',
    confirmClear: '清除 {{name}} 的任期结束日期？',
    cancel: '取消',
  },
);
