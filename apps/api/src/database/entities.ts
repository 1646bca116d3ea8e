import { AUTH_ENTITIES } from '@roundtable/api-auth';
import { COLLABORATION_ENTITIES } from '@roundtable/api-collaboration';
import { PROJECT_ENTITIES } from '@roundtable/api-projects';

/** Every entity, listed explicitly (never globbed from dist/). */
export const ENTITIES = [...AUTH_ENTITIES, ...PROJECT_ENTITIES, ...COLLABORATION_ENTITIES];
