import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

/**
 * The web data layer's rule (docs/architecture.md): components ask for server state through their feature's
 * query hooks (`<feature>.queries.ts`) over the generated client; no component builds an `/api/` URL or uses
 * the hand-rolled `useApiResource`. A file breaking the rule fails here.
 */
const ROOT = join(__dirname, '../../../../../..');
const WEB_LIBS = join(ROOT, 'libs/web');

/** Files still on the old data layer (issue 12 item 4 in progress): this list may only shrink. */
const NOT_YET_MOVED = new Set<string>([
  'libs/web/editor/src/lib/comments.panel.tsx',
  'libs/web/ui/src/index.ts',
  'libs/web/ui/src/lib/use-api-resource.ts',
]);

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
    // A string or template literal containing /api/ (comments are not code, so they are stripped first).
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
    if (/['"`][^'"`\n]*\/api\/[^'"`\n]*['"`]?/.test(code)) found.push('an /api/ URL literal');
  }
  if (/\buseApiResource\b/.test(text) && !file.endsWith('use-api-resource.ts')) found.push('useApiResource');
  if (/\bapiRequest\b/.test(text) && !file.endsWith('/http.ts') && !file.endsWith('/ui/src/index.ts'))
    found.push('apiRequest');
  return found;
}

describe('web data layer', () => {
  const files = sourceFiles(WEB_LIBS).map((file) => ({ file, name: relative(ROOT, file) }));

  it('finds the web libraries', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('has no /api/ URL literal, useApiResource or apiRequest outside the query files', () => {
    const broken = files
      .filter(({ name }) => !NOT_YET_MOVED.has(name))
      .map(({ file, name }) => ({ name, found: violations(file, readFileSync(file, 'utf8')) }))
      .filter(({ found }) => found.length > 0);
    expect(broken).toEqual([]);
  });

  it('lists as not yet moved only files that still break the rule', () => {
    const clean = [...NOT_YET_MOVED].filter(
      (name) => violations(join(ROOT, name), readFileSync(join(ROOT, name), 'utf8')).length === 0,
    );
    expect(clean).toEqual([]);
  });

  it('catches a component that builds a URL or uses the old hook', () => {
    const component = '/x/libs/web/meetings/src/lib/thing.page.tsx';
    expect(violations(component, "const r = useApiResource<X>('/api/things');")).toEqual([
      'an /api/ URL literal',
      'useApiResource',
    ]);
    expect(violations(component, 'fetch(`/api/meetings/${id}`)')).toEqual(['an /api/ URL literal']);
    expect(violations(component, "const m = useMeeting(id); // was '/api/meetings'")).toEqual([]);
    expect(violations('/x/libs/web/meetings/src/lib/meetings.queries.ts', "api.GET('/api/meetings/{id}')")).toEqual([]);
  });
});
