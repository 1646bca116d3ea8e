export * from './document-version.entity';
export * from './versions.module';
export { VersionsService, versionIntervalMs } from './versions.service';
export { diffLines, diffText } from './line-diff';
