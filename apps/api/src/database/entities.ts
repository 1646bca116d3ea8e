import { ACCOUNT_ENTITIES } from '@roundtable/api-accounts';
import { AUDIT_ENTITIES } from '@roundtable/api-audit';
import { AUTH_ENTITIES } from '@roundtable/api-auth';
import { CALENDAR_ENTITIES } from '@roundtable/api-calendars';
import { COLLABORATION_ENTITIES } from '@roundtable/api-collaboration';
import { COMMENT_ENTITIES } from '@roundtable/api-comments';
import { PLAN_ENTITIES } from '@roundtable/api-deliverables';
import { EXPORT_ENTITIES } from '@roundtable/api-exports';
import { INVITATION_ENTITIES } from '@roundtable/api-invitations';
import { LIBRARY_ENTITIES } from '@roundtable/api-library';
import { MAIL_ENTITIES } from '@roundtable/api-mail';
import { MEETING_ENTITIES } from '@roundtable/api-meetings';
import { NOTIFICATION_ENTITIES } from '@roundtable/api-notifications';
import { OPEN_CALL_ENTITIES } from '@roundtable/api-open-call';
import { PROJECT_ENTITIES } from '@roundtable/api-projects';
import { SUGGESTION_ENTITIES } from '@roundtable/api-suggestions';
import { REVIEW_ENTITIES } from '@roundtable/api-reviews';
import { VERSION_ENTITIES } from '@roundtable/api-versions';

/** Every entity, listed explicitly (never globbed from dist/). */
export const ENTITIES = [
  ...AUTH_ENTITIES,
  ...ACCOUNT_ENTITIES,
  ...PROJECT_ENTITIES,
  ...COLLABORATION_ENTITIES,
  ...MAIL_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...INVITATION_ENTITIES,
  ...OPEN_CALL_ENTITIES,
  ...COMMENT_ENTITIES,
  ...VERSION_ENTITIES,
  ...PLAN_ENTITIES,
  ...MEETING_ENTITIES,
  ...CALENDAR_ENTITIES,
  ...LIBRARY_ENTITIES,
  ...EXPORT_ENTITIES,
  ...SUGGESTION_ENTITIES,
  ...REVIEW_ENTITIES,
  ...AUDIT_ENTITIES,
];
