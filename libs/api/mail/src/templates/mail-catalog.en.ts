/**
 * Every e-mail's words in English (ADR 044). Pure data: `{{name}}` placeholders only, no imports, so that the
 * one catalog test (libs/web/i18n/src/i18n.spec.ts) loads it beside the web catalogs and checks that the
 * Chinese catalog has the same keys and placeholders. Change a text here and in `mail-catalog.zh-CN.ts`.
 */
export const mailCatalogEn = {
  common: {
    hello: 'Dear {{name}},',
    helloAnonymous: 'Hello,',
    signature: 'Roundtable',
    labelled: '{{label}}: {{value}}',
    /** A moment in the reader's zone: "Tue, 8 Dec 2026, 15:00 (Shanghai, GMT+8)". */
    instant: '{{time}} ({{city}}, {{offset}})',
  },
  invitation: {
    subject: 'Invitation to join {{group}} "{{title}}" as {{role}}',
    inviterFallback: 'The project team',
    body: '{{inviter}} invites you to join working group {{group}} "{{title}}" of {{project}} as {{role}}.',
    accept: 'Accept the invitation here:',
    linkLabel: 'Accept the invitation',
    expires:
      'The link works once and expires on {{expires}}. If you did not expect this invitation, you can ignore this message.',
  },
  role: {
    'co-chair': 'co-chair',
    expert: 'expert',
    observer: 'observer',
  },
  passwordReset: {
    subject: 'Reset your Roundtable password',
    body: 'Someone (we hope you) asked to reset the password of your Roundtable account. Choose a new password here:',
    expires:
      'The link works once and expires on {{expires}}. Setting a new password signs you out everywhere. If you did not ask for this, ignore this message: your password stays as it is.',
  },
  applicationConfirmation: {
    subject: 'Confirm your application: {{title}}',
    intro: 'We received an application to "{{title}}" from this email address. It counts only once you confirm it:',
    linkLabel: 'Confirm the application',
    replaces: 'If you applied to this call before with this address, confirming replaces your earlier application.',
    expires: 'The link works once and expires on {{expires}}.',
    notYou: 'If you did not apply, ignore this message: nothing is stored as an application until the link is opened.',
  },
  applicationDeclined: {
    subject: 'Your application: {{title}}',
    thanks:
      'Thank you for your interest in {{project}} and for the time and care you put into your application to "{{title}}".',
    decision:
      'We received many strong applications, and after a careful review we are unable to offer you a place in a working group this time. This decision is not a judgement of your expertise: the number of places is small and each group needs a balance of backgrounds and regions.',
    future: 'We would be glad to hear from you again in future calls, and we wish you every success in your work.',
    regards: 'Kind regards,',
    team: 'The {{project}} coordination team',
  },
  mention: {
    subject: '{{author}} mentioned you in “{{title}}”',
    intro: '{{author}} mentioned you in a comment on “{{title}}”.',
    onText: 'On the text:',
    comment: 'Comment:',
    open: 'Open the document',
  },
  deadlineReminder: {
    subject: 'Reminder: {{number}} is due at M{{month}} ({{due}})',
    milestone: 'Milestone',
    deliverable: 'Deliverable',
    body: '{{what}} {{number}} "{{title}}" of {{project}} is due at M{{month}} ({{due}}), {{when}}.',
    dueToday: 'today',
    dueInOneDay: 'in 1 day',
    dueInDays: 'in {{days}} days',
    ready: '{{ready}} of {{total}} documents are ready.',
    details: 'Details',
  },
  digest: {
    subjectDaily: 'Your daily Roundtable digest: {{count}} notifications',
    subjectDailyOne: 'Your daily Roundtable digest: 1 notification',
    subjectWeekly: 'Your weekly Roundtable digest: {{count}} notifications',
    subjectWeeklyOne: 'Your weekly Roundtable digest: 1 notification',
    introDaily: 'Here is what happened since yesterday’s digest:',
    introWeekly: 'Here is what happened this past week:',
    all: 'All notifications',
    settings: 'Choose what is mailed, and when',
  },
  minutesCirculation: {
    subject: 'Minutes for comments: {{title}}',
    intro:
      'The draft minutes of this meeting are circulated for comments. Please read them and comment in the document.',
    meeting: 'Meeting',
    until: 'Comments until',
    open: 'Open the minutes',
  },
  actionReminder: {
    subject: 'Action due soon: {{text}}',
    intro: 'An action item you own is due soon.',
    action: 'Action',
    due: 'Due on',
    from: 'Agreed at',
    open: 'Your actions',
  },
  approvalWithdrawn: {
    subject: 'Your approval was withdrawn: minutes of {{title}}',
    intro:
      'The minutes changed after you approved them, so your approval no longer counts: an approval holds only for the text you read.',
    edited: 'What happened: the text, a decision or an action item was changed.',
    reopened: 'What happened: a coordinator unlocked the approved minutes; they are a draft again.',
    again: 'Please read the minutes again and approve them if you agree with the new text.',
    open: 'Open the minutes',
  },
  meeting: {
    subject: {
      invitation: 'Invitation: {{title}}',
      update: 'Updated: {{title}}',
      cancellation: 'Cancelled: {{title}}',
      'occurrence-changed': 'One meeting moved: {{title}}',
      'occurrence-cancelled': 'One meeting cancelled: {{title}}',
      reminder: 'Reminder: {{title}}',
    },
    intro: {
      invitation: 'You are invited to this meeting. The attached calendar file adds it to your calendar.',
      update: 'This meeting has changed. The attached calendar file updates your calendar.',
      cancellation: 'This meeting is cancelled. The attached calendar file removes it from your calendar.',
      'occurrence-changed': 'One meeting of this series has moved. The attached calendar file updates your calendar.',
      'occurrence-cancelled':
        'One meeting of this series is cancelled. The attached calendar file updates your calendar.',
      reminderWithinHour: 'This meeting starts within the hour.',
      reminderHours: 'This meeting starts in {{hours}} hours.',
    },
    type: {
      'wg-meeting': 'working-group meeting',
      'kick-off': 'kick-off',
      'harmonisation-workshop': 'harmonisation workshop',
      'roadmap-validation-workshop': 'roadmap validation workshop',
      'advisory-board': 'advisory board meeting',
      other: 'project event',
    },
    when: 'When',
    repeats: 'Repeats',
    duration: 'Duration',
    minutes: '{{minutes}} min',
    online: 'Online',
    place: 'Place',
    agenda: 'Agenda:',
    organiser: 'Organiser',
    open: 'Open the meeting',
  },
  review: {
    invitation: {
      subject: 'Invitation to review "{{title}}"',
      body: '{{inviter}} invites you to review "{{title}}" of {{project}} ({{round}}).',
      how: 'Read the document, comment and answer the questionnaire through your personal link; no account is needed:',
      linkLabel: 'Open the review',
      until:
        'You can come back and change your review until the round closes ({{closes}}). Please do not forward this link.',
    },
    responded: {
      subject: 'Responses to your review of "{{title}}"',
      body: 'Thank you for reviewing "{{title}}" of {{project}} ({{round}}). The authors have responded to every comment.',
      see: 'See your comments and the responses here:',
      linkLabel: 'See the responses',
      until: 'The link works until {{expires}}.',
    },
  },
};
