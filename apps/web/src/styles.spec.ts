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
