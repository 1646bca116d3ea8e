import { readdirSync } from 'fs';
import { join } from 'path';

/** The repository's root folder. */
export const ROOT = join(__dirname, '..', '..');

/** Every non-test TypeScript file under `dir` (the architecture checks read the sources, not the build). */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.(spec|test)\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !file.includes('node_modules'));
}
