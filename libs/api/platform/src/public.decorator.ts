import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'roundtable:isPublic';
/** Marks a handler that anyone may call without a session; every other handler needs one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
