import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '../../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('mail boundaries', () => {
  it('talks to SMTP only from the outbox worker, so no request path can send mail itself (ADR 007)', () => {
    const importers = [...sources(join(ROOT, 'apps')), ...sources(join(ROOT, 'libs'))]
      .filter((path) => /from ['"]nodemailer['"]|require\(['"]nodemailer['"]\)/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(ROOT, path));
    expect(importers).toEqual(['libs/api/mail/src/outbox.worker.ts']);
  });
});
