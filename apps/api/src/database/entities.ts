import { AUTH_ENTITIES } from '@roundtable/api-auth';
import { COLLABORATION_ENTITIES } from '@roundtable/api-collaboration';
import { INVITATION_ENTITIES } from '@roundtable/api-invitations';
import { MAIL_ENTITIES } from '@roundtable/api-mail';
import { OPEN_CALL_ENTITIES } from '@roundtable/api-open-call';
import { PROJECT_ENTITIES } from '@roundtable/api-projects';

/** Every entity, listed explicitly (never globbed from dist/). */
export const ENTITIES = [...AUTH_ENTITIES, ...PROJECT_ENTITIES, ...COLLABORATION_ENTITIES, ...MAIL_ENTITIES, ...INVITATION_ENTITIES, ...OPEN_CALL_ENTITIES];
