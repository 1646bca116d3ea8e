import { readFileSync } from 'fs';
import { join } from 'path';

/**
 * The stylesheet is edited by several features at once; a lost closing brace does not break the build
 * (CSS nesting makes the rest of the file part of one rule) but silently breaks every rule after it.
 */
describe('styles.css', () => {
  it('closes every block it opens', () => {
    const css = readFileSync(join(__dirname, 'styles.css'), 'utf8')
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

/** Issue #14 item 4: Chinese without a system CJK font, and nothing extra for English readers. */
describe('the self-hosted CJK font', () => {
  const root = join(__dirname, '..', '..', '..');
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
    const css = readFileSync(join(__dirname, 'styles.css'), 'utf8');
    const stack =
      /--font:\s*([^;]+);/
        .exec(css)?.[1]
        .split(',')
        .map((f) => f.trim()) ?? [];
    expect(stack[0]).toBe('system-ui');
    expect(stack.slice(-2)).toEqual(["'Noto Sans SC'", 'sans-serif']);
  });
});
