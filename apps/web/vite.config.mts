import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Alias, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const appRoot = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(appRoot, '../..');

/** `@roundtable/*` aliases, taken from tsconfig.base.json so there is one list of paths. */
function tsconfigAliases(): Alias[] {
  const tsconfig = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => ({
    find: new RegExp(`^${alias.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
    replacement: resolve(workspaceRoot, target),
  }));
}

/** Below this code point nothing is Chinese: Latin, Greek, Cyrillic, general punctuation, symbols. */
const FIRST_CJK = 0x2e80;

/**
 * Noto Sans SC (@fontsource) also has subsets for Latin, Cyrillic and punctuation. The app uses it only for
 * Chinese, so each face's unicode-range keeps just its code points from U+2E80 on, and faces left with none are
 * dropped: a page without Chinese never makes a browser fetch a subset, whatever fonts the machine has (ADR 024).
 */
function cjkOnlyFontFaces(): Plugin {
  return {
    name: 'roundtable:cjk-only-font-faces',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource\/noto-sans-sc\/\d+\.css$/.test(id.split('?')[0])) return null;
      return code.replace(/@font-face\s*{[^}]*}/g, (face) => {
        const range = /unicode-range:\s*([^;]+);/.exec(face)?.[1];
        if (!range) return face;
        const kept = range
          .split(',')
          .map((part) => part.trim())
          .flatMap((part) => {
            const [lo, hi = lo] = part.replace(/^U\+/i, '').split('-');
            const [from, to] = [Math.max(parseInt(lo, 16), FIRST_CJK), parseInt(hi, 16)];
            return from > to
              ? []
              : [from === to ? `U+${from.toString(16)}` : `U+${from.toString(16)}-${to.toString(16)}`];
          });
        return kept.length === 0 ? '' : face.replace(range, kept.join(','));
      });
    },
  };
}

const apiTarget = process.env.ROUNDTABLE_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: appRoot,
  base: '/',
  cacheDir: resolve(workspaceRoot, 'node_modules/.vite/web'),
  plugins: [cjkOnlyFontFaces(), react()],
  resolve: { alias: tsconfigAliases() },
  server: {
    port: 4200,
    strictPort: true,
    host: 'localhost',
    fs: { allow: [workspaceRoot] },
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/collab': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
  preview: {
    port: 4200,
    proxy: {
      '/api': { target: apiTarget },
      '/collab': { target: apiTarget, ws: true },
    },
  },
  build: {
    outDir: resolve(workspaceRoot, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
