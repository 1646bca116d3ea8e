import { readdirSync, readFileSync } from 'fs';
import { dirname, join, relative } from 'path';

const workspace = join(__dirname, '..', '..', '..');

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(full, pattern);
    return pattern.test(entry.name) ? [full] : [];
  });
}

const stylesheets = [join(__dirname, 'styles.css'), ...filesUnder(join(workspace, 'libs/web'), /\.css$/)];

/**
 * A lost closing brace does not break the build (CSS nesting makes the rest of the file part of one rule) but
 * silently breaks every rule after it.
 */
describe.each(stylesheets.map((file) => [relative(workspace, file), file]))('%s', (_name, file) => {
  it('closes every block it opens', () => {
    const css = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
    let depth = 0;
    const lines = css.split('\n');
    lines.forEach((line, index) => {
      for (const char of line) {
        if (char === '{') depth++;
        if (char === '}') depth--;
        if (depth < 0) throw new Error(`unexpected } on line ${index + 1}`);
      }
      // Our rules are flat: only @media / @keyframes / @supports blocks hold other rules.
      if (depth === 2 && /^[.#a-z]/i.test(line) && !/^\s/.test(line))
        throw new Error(`rule nested by accident on line ${index + 1}: ${line}`);
    });
    expect(depth).toBe(0);
  });
});

/** A feature's CSS module is its scope (ADR 032): every `styles.name` a component uses is a class of its module. */
describe('CSS modules', () => {
  const components = filesUnder(join(workspace, 'libs/web'), /\.tsx$/).filter((file) => !/\.spec\.tsx$/.test(file));
  const users = components
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
    .map(({ file, text }) => ({ file, text, module: /^import (\w+) from '(\.[^']+\.module\.css)';$/m.exec(text) }))
    .filter((user): user is typeof user & { module: RegExpExecArray } => user.module !== null);

  it('are used by the migrated features', () => {
    expect(users.map((user) => relative(workspace, user.file))).toContain('libs/web/admin/src/lib/balance.page.tsx');
  });

  it.each(users.map((user) => [relative(workspace, user.file), user]))(
    '%s uses only classes its module has',
    (_n, user) => {
      const [, name, path] = user.module;
      const css = readFileSync(join(dirname(user.file), path), 'utf8');
      const defined = new Set([...css.matchAll(/\.([A-Za-z_][\w-]*)/g)].map((m) => m[1]));
      const code = user.text.replace(/^import .*$/gm, '');
      const used = [...code.matchAll(new RegExp(`\\b${name}\\.(\\w+)`, 'g'))].map((m) => m[1]);
      expect(used.length).toBeGreaterThan(0);
      expect(used.filter((className) => !defined.has(className))).toEqual([]);
    },
  );
});

/** Issue #14 item 4: Chinese without a system CJK font, and nothing extra for English readers. */
describe('the self-hosted CJK font', () => {
  const root = workspace;
  const main = readFileSync(join(__dirname, 'main.tsx'), 'utf8');
  const imported = [...main.matchAll(/^import '(@fontsource\/[^']+\.css)';$/gm)].map((m) => m[1]);

  it('comes from the npm package, every face a unicode-range subset fetched only for its characters', () => {
    expect(imported).toEqual(['@fontsource/noto-sans-sc/400.css', '@fontsource/noto-sans-sc/700.css']);
    for (const file of imported) {
      const css = readFileSync(join(root, 'node_modules', file), 'utf8');
      const faces = css.split('@font-face').slice(1);
      expect(faces.length).toBeGreaterThan(50);
      for (const face of faces) {
        expect(face).toMatch(/unicode-range:\s*U\+/);
        // Relative files that Vite bundles and we serve: no host.
        expect(face).not.toMatch(/url\((?!\.\/files\/)/);
      }
    }
  });

  it('is the last family before the generic one, so only text no system font covers reaches it', () => {
    const css = readFileSync(join(workspace, 'libs/web/ui/src/lib/tokens.css'), 'utf8');
    const stack =
      /--font:\s*([^;]+);/
        .exec(css)?.[1]
        .split(',')
        .map((f) => f.trim()) ?? [];
    expect(stack[0]).toBe('system-ui');
    expect(stack.slice(-2)).toEqual(["'Noto Sans SC'", 'sans-serif']);
  });
});
