export * from './reviews.entities';
export * from './reviews.module';
export { matrixRows, MATRIX_LABELS } from './response-matrix';
