import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Alias } from 'vite';
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

const apiTarget = process.env.ROUNDTABLE_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: appRoot,
  base: '/',
  cacheDir: resolve(workspaceRoot, 'node_modules/.vite/web'),
  plugins: [react()],
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
