import { execFile } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { extname, join, relative, resolve } from 'path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** The projects `tsc -b` checks from the root tsconfig.json, with the files of each. */
function rootProjects(): Array<{ config: string; composite: boolean; files: string[] }> {
  const root = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, parseHost());
  if (!root) throw new Error('tsconfig.json cannot be read');
  return (root.projectReferences ?? []).map((reference) => {
    const config = ts.resolveProjectReferencePath(reference);
    const parsed = ts.getParsedCommandLineOfConfigFile(config, {}, parseHost());
    if (!parsed) throw new Error(`${config} cannot be read`);
    return {
      config: relative(ROOT, config),
      composite: parsed.options.composite === true,
      files: parsed.fileNames.map((file) => resolve(file)),
    };
  });
}

function parseHost(): ts.ParseConfigFileHost {
  return {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  };
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : typeScriptFiles(path);
    return ['.ts', '.tsx', '.mts', '.cts'].includes(extname(entry.name)) ? [path] : [];
  });
}

function tsc(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise) => {
    execFile(process.execPath, [TSC, ...args], { cwd }, (error, stdout, stderr) =>
      resolvePromise({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

describe('the root tsconfig.json type-checks the whole workspace', () => {
  it('puts every TypeScript file under apps/, libs/ and tests/ in a composite project that tsc -b checks', () => {
    const projects = rootProjects();
    expect(projects.map((project) => project.config).sort()).toEqual([
      'apps/api/tsconfig.json',
      'apps/web/tsconfig.json',
      'apps/web/tsconfig.spec.json',
      'tests/tsconfig.json',
    ]);
    for (const project of projects)
      expect({ config: project.config, composite: project.composite }).toEqual({
        config: project.config,
        composite: true,
      });
    const covered = new Set(projects.flatMap((project) => project.files));
    const all = ['apps', 'libs', 'tests'].flatMap((dir) => typeScriptFiles(join(ROOT, dir)));
    expect(all.length).toBeGreaterThan(300);
    expect(all.filter((file) => !covered.has(file)).map((file) => relative(ROOT, file))).toEqual([]);
  });

  it('a type error in any file of a project set up this way makes tsc -b fail, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roundtable-tsc-b-'));
    try {
      // A miniature of the root: a solution file referencing a composite, no-emit project on our base settings.
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ files: [], references: [{ path: 'lib' }] }));
      mkdirSync(join(dir, 'lib', 'deep'), { recursive: true });
      writeFileSync(
        join(dir, 'lib', 'tsconfig.json'),
        JSON.stringify({
          extends: join(ROOT, 'tsconfig.base.json'),
          compilerOptions: {
            composite: true,
            declaration: true,
            noEmit: true,
            rootDir: '.',
            types: [],
            tsBuildInfoFile: '../lib.tsbuildinfo',
          },
          include: ['**/*.ts'],
        }),
      );
      writeFileSync(join(dir, 'lib', 'fine.ts'), 'export const answer: number = 42;\n');
      expect(await tsc(['-b'], dir)).toEqual({ code: 0, output: '' });

      writeFileSync(
        join(dir, 'lib', 'deep', 'broken.ts'),
        "import { answer } from '../fine';\nexport const text: string = answer;\n",
      );
      const broken = await tsc(['-b'], dir);
      expect(broken.code).not.toBe(0);
      expect(broken.output).toContain(join('lib', 'deep', 'broken.ts'));
      expect(broken.output).toContain('TS2322');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
