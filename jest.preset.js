// Shared Jest settings: SWC transpiles TypeScript (type-checking is `tsc`'s job in `npm test`),
// with decorator metadata for NestJS, and the tsconfig path aliases mapped to sources.
const { compilerOptions } = require('./tsconfig.base.json');
const path = require('path');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = path.join(__dirname, target);
}

// Stylesheets are Vite's business: a CSS module's classes map to their own names, plain CSS to nothing.
moduleNameMapper['\\.module\\.css$'] = path.join(__dirname, 'tests/support/css-module.js');
moduleNameMapper['\\.css$'] = path.join(__dirname, 'tests/support/css-file.js');

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper,
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true, decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // ESM-only packages that must be transpiled for Jest's CommonJS runtime (node-fetch and its parts: required by
  // @citation-js/core, which Node loads with require(esm); its network inputs are never used, ADR 039).
  transformIgnorePatterns: [
    '/node_modules/(?!(y-websocket|y-indexeddb|happy-dom|node-fetch|data-uri-to-buffer|fetch-blob|formdata-polyfill)/)',
  ],
};
