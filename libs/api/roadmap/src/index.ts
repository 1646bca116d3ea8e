export * from './roadmap.module';
export { RoadmapQueries } from './roadmap.queries';
export { cycleThrough } from './roadmap.graph';
