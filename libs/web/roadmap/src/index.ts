export { RoadmapPage } from './lib/roadmap.page';
export { RoadmapLink } from './lib/roadmap.link';
export { roadmapMessages } from './lib/roadmap.messages';
