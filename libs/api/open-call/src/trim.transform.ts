import { Transform } from 'class-transformer';

/** Trims strings (leaves anything else for the validators to reject). */
export function trimmed(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
}

/** Trims and upper-cases strings (country codes). */
export function upperTrimmed(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));
}
