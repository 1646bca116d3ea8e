import { SetMetadata } from '@nestjs/common';
import type { Action } from '@roundtable/domain';

export const POLICY = 'roundtable:policy';

/**
 * Declares how a handler is authorised, beyond the global session check: the `can()` action its
 * service enforces, 'document' for the document access policy, or 'self' for the caller's own data.
 * A test fails for any handler that declares neither this nor @Public(), so no route ships unchecked.
 */
export const Policy = (policy: Action | 'document' | 'self' | 'project-member') => SetMetadata(POLICY, policy);
