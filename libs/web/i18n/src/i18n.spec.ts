import * as fs from 'fs';
import * as path from 'path';
import {
  CollabCloseCode,
  DELIVERABLE_STATUSES,
  DocumentStatus,
  DocumentType,
  ErrorCode,
  FIELD_ERROR_CODES,
  WorkingGroupRole,
} from '@roundtable/contracts';
import { catalogKeys, catalogValue, type CatalogTree } from './lib/catalog-keys';
import { fullCatalog } from './lib/i18n';
import { registeredMessages } from './lib/messages';

const workspaceRoot = path.resolve(__dirname, '../../../..');

/** Every feature's `*.messages.ts` (ADR 032), loaded so its namespace is declared and checked with the rest. */
function featureMessageFiles(): string[] {
  const libsWeb = path.join(workspaceRoot, 'libs/web');
  return fs
    .readdirSync(libsWeb)
    .flatMap((lib) => sourceFiles(path.join(libsWeb, lib, 'src')))
    .filter((file) => file.endsWith('.messages.ts'));
}
const messageFiles = featureMessageFiles();
// eslint-disable-next-line @typescript-eslint/no-require-imports
for (const file of messageFiles) require(file);
const catalogs: Record<string, CatalogTree> = { en: fullCatalog('en'), 'zh-CN': fullCatalog('zh-CN') };
const en = catalogs.en;

/** The server's mail catalog (libs/api/mail, ADR 044): pure data, loaded by path as the API is not a web lib. */
function mailCatalog(file: string, name: string): CatalogTree {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(workspaceRoot, 'libs/api/mail/src/templates', file))[name] as CatalogTree;
}
/** Server and client catalogs, each with its English reference: every other language must match it. */
const catalogSets: Record<string, { en: CatalogTree; others: Record<string, CatalogTree> }> = {
  web: { en, others: { 'zh-CN': catalogs['zh-CN'] } },
  mail: {
    en: mailCatalog('mail-catalog.en.ts', 'mailCatalogEn'),
    others: { 'zh-CN': mailCatalog('mail-catalog.zh-CN.ts', 'mailCatalogZhCN') },
  },
};
const catalogPairs = Object.entries(catalogSets).flatMap(([set, { en: reference, others }]) =>
  Object.entries(others).map(([locale, catalog]) => ({ set, locale, reference, catalog })),
);
const allCatalogs = Object.entries(catalogSets).flatMap(([set, { en: reference, others }]) => [
  { name: `${set} en`, catalog: reference },
  ...Object.entries(others).map(([locale, catalog]) => ({ name: `${set} ${locale}`, catalog })),
]);

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') files.push(...sourceFiles(full));
    } else if (/\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name)) {
      files.push(full);
    }
  }
  return files;
}

/**
 * The field-error codes the API can send: class-validator's constraint names of every validation decorator
 * in libs/api (`@IsUUID` → `isUuid`, `@Length` → `isLength`, custom `name: '…'`), and every `code: '…'` the
 * API sets itself. The web app says each in the reader's language as `validation.<code>`.
 */
function apiFieldErrorCodes(): Set<string> {
  const special: Record<string, string> = { IsUUID: 'isUuid', IsISO8601: 'isIso8601', Length: 'isLength' };
  const skip = new Set(['IsOptional', 'ValidateNested', 'ValidateIf', 'Validate', 'Type', 'MinutesText']);
  const codes = new Set<string>();
  for (const file of sourceFiles(path.join(workspaceRoot, 'libs/api'))) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('class-validator') && !text.includes('code:')) continue;
    if (text.includes('class-validator')) {
      for (const [, name] of text.matchAll(
        /@(Is[A-Z][A-Za-z0-9]*|Max[A-Za-z]*|Min[A-Za-z]*|Length|Matches|Array[A-Za-z]+|Equals)\(/g,
      ))
        if (!skip.has(name)) codes.add(special[name] ?? name[0].toLowerCase() + name.slice(1));
      for (const [, name] of text.matchAll(/\bname: '([a-z][A-Za-z]+)'/g)) codes.add(name);
    }
    for (const [, code] of text.matchAll(/\bcode: '([a-z][A-Za-z]+)'/g)) codes.add(code);
  }
  return codes;
}

/** Every `t('literal.key')` call in the web app and the web libraries. */
function usedKeys(): Map<string, string[]> {
  const roots = [path.join(workspaceRoot, 'apps/web/src')];
  const libsWeb = path.join(workspaceRoot, 'libs/web');
  for (const lib of fs.readdirSync(libsWeb)) roots.push(path.join(libsWeb, lib, 'src'));
  const used = new Map<string, string[]>();
  const call = /\bt\(\s*(['"`])([^'"`$]+?)\1/g;
  for (const file of roots.flatMap(sourceFiles)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(call)) {
      const where = used.get(match[2]) ?? [];
      where.push(path.relative(workspaceRoot, file));
      used.set(match[2], where);
    }
  }
  return used;
}

describe('i18n catalogs', () => {
  it('include every feature namespace', () => {
    expect(messageFiles.length).toBeGreaterThan(0);
    expect(registeredMessages().map((m) => m.namespace)).toEqual(expect.arrayContaining(['balance', 'outbox']));
    expect(catalogValue(catalogs['zh-CN'], 'balance.title')).toBeTruthy();
  });

  it.each(catalogPairs.map((p) => [`${p.set} ${p.locale}`, p] as const))(
    '%s has exactly the English keys',
    (_name, { reference, catalog }) => {
      const referenceKeys = catalogKeys(reference);
      const keys = catalogKeys(catalog);
      expect(referenceKeys.length).toBeGreaterThan(20);
      expect(keys.filter((k) => !referenceKeys.includes(k))).toEqual([]);
      expect(referenceKeys.filter((k) => !keys.includes(k))).toEqual([]);
    },
  );

  it.each(allCatalogs.map((c) => [c.name, c.catalog] as const))('%s has no empty value', (_name, catalog) => {
    const empty = catalogKeys(catalog).filter((k) => !catalogValue(catalog, k)?.trim());
    expect(empty).toEqual([]);
  });

  it.each(catalogPairs.map((p) => [`${p.set} ${p.locale}`, p] as const))(
    '%s uses the same interpolation variables as English',
    (_name, { reference, catalog }) => {
      const vars = (s: string | undefined) => [...(s ?? '').matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
      const mismatched = catalogKeys(reference).filter(
        (k) => JSON.stringify(vars(catalogValue(reference, k))) !== JSON.stringify(vars(catalogValue(catalog, k))),
      );
      expect(mismatched).toEqual([]);
    },
  );

  it('says every field-error code the API can send as a plain sentence in each language', () => {
    // Our own codes are typed (FieldError.code is a FieldErrorCode); class-validator's come from the DTOs'
    // decorators, so the scan of the sources must find none outside the list.
    const scanned = [...apiFieldErrorCodes()];
    // The scan finds what the API uses (a broken scan would find nothing).
    expect(scanned).toEqual(
      expect.arrayContaining(['isUuid', 'isIso8601', 'maxLength', 'notNull', 'coChairSuccessorRequired']),
    );
    expect(scanned.filter((code) => !(FIELD_ERROR_CODES as readonly string[]).includes(code))).toEqual([]);
    for (const [name, catalog] of Object.entries(catalogs)) {
      const missing = FIELD_ERROR_CODES.filter((code) => !catalogValue(catalog, `validation.${code}`));
      expect([name, missing]).toEqual([name, []]);
    }
  });

  it('translates every key built at run time (error codes, close codes, enums)', () => {
    const dynamic = [
      ...Object.values(ErrorCode).map((code) => `errors.${code}`),
      ...Object.values(CollabCloseCode).map((code) => `collab.close.${code}`),
      ...Object.values(DocumentType).map((type) => `documentType.${type}`),
      ...Object.values(DocumentStatus).map((status) => `documentStatus.${status}`),
      ...Object.values(WorkingGroupRole).map((role) => `role.${role}`),
      ...['europe', 'china', 'other'].map((region) => `region.${region}`),
      ...['read', 'write'].map((access) => `access.${access}`),
      ...['connecting', 'connected', 'disconnected'].map((status) => `editor.status.${status}`),
      ...['en', 'zh-CN'].map((locale) => `language.${locale}`),
      ...DELIVERABLE_STATUSES.map((status) => `plan.status.${status}`),
      ...['done', 'on-track', 'at-risk', 'overdue'].map((risk) => `plan.risk.${risk}`),
      ...['report', 'other'].map((type) => `plan.type.${type}`),
      ...['draft', 'circulated', 'approved'].map((status) => `minutes.status.${status}`),
      ...['open', 'done', 'dropped'].map((status) => `minutes.actionStatus.${status}`),
      ...['draft', 'circulated', 'approved'].map((status) => `editor.minutesStatus.${status}`),
      'versions.kind.approved',
    ];
    for (const [name, catalog] of Object.entries(catalogs)) {
      expect({ name, missing: dynamic.filter((k) => !catalogValue(catalog, k)) }).toEqual({ name, missing: [] });
    }
  });

  it('has every key used in the web sources', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(20);
    for (const [name, catalog] of Object.entries(catalogs)) {
      const missing = [...used.entries()]
        .filter(([key]) => !catalogValue(catalog, key))
        .map(([key, files]) => `${key} (${[...new Set(files)].join(', ')})`);
      expect({ name, missing }).toEqual({ name, missing: [] });
    }
  });
});
