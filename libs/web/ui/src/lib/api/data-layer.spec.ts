import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

/**
 * The web data layer's rule (docs/architecture.md): components ask for server state through their feature's
 * query hooks (`<feature>.queries.ts`) over the generated client; no component builds an `/api/` URL or uses
 * the hand-rolled `useApiResource`. A file breaking the rule fails here.
 */
const ROOT = join(__dirname, '../../../../../..');
const WEB_LIBS = join(ROOT, 'libs/web');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Where URLs may be written: the feature query files and the client itself. */
function mayNameUrls(file: string): boolean {
  return file.endsWith('.queries.ts') || file.includes('/libs/web/ui/src/lib/api/');
}

export function violations(file: string, text: string): string[] {
  const found: string[] = [];
  if (!mayNameUrls(file)) {
    // A string or template literal that starts with /api/ (comments are not code, so they are stripped first;
    // module paths such as './lib/api/…' are not URLs).
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
    if (/(['"`]|\})\/api\//.test(code)) found.push('an /api/ URL literal');
  }
  if (/\buseApiResource\b/.test(text)) found.push('useApiResource');
  if (/\bapiRequest\b/.test(text)) found.push('apiRequest');
  return found;
}

describe('web data layer', () => {
  const files = sourceFiles(WEB_LIBS).map((file) => ({ file, name: relative(ROOT, file) }));

  it('finds the web libraries', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('has no /api/ URL literal, useApiResource or apiRequest outside the query files', () => {
    const broken = files
      .map(({ file, name }) => ({ name, found: violations(file, readFileSync(file, 'utf8')) }))
      .filter(({ found }) => found.length > 0);
    expect(broken).toEqual([]);
  });

  it('catches a component that builds a URL or uses the old hook', () => {
    const component = '/x/libs/web/meetings/src/lib/thing.page.tsx';
    expect(violations(component, "const r = useApiResource<X>('/api/things');")).toEqual([
      'an /api/ URL literal',
      'useApiResource',
    ]);
    expect(violations(component, 'fetch(`/api/meetings/${id}`)')).toEqual(['an /api/ URL literal']);
    expect(violations(component, 'fetch(`${origin}/api/meetings`)')).toEqual(['an /api/ URL literal']);
    expect(violations(component, "import { api } from './lib/api/api-client';")).toEqual([]);
    expect(violations(component, "const m = useMeeting(id); // was '/api/meetings'")).toEqual([]);
    expect(violations('/x/libs/web/meetings/src/lib/meetings.queries.ts', "api.GET('/api/meetings/{id}')")).toEqual([]);
  });
});
