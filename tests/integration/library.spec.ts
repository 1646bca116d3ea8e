import { createHash } from 'crypto';
import { request as httpRequest } from 'http';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

// Read on every upload; 1 MB keeps the "too large" cases quick.
process.env.LIBRARY_MAX_UPLOAD_MB = '1';
const LIMIT = 1024 * 1024;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Version {
  id: string;
  number: number;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  note: string;
  uploadedBy: string | null;
  uploadedAt: string;
  contentType: string;
}
interface LibraryFile {
  id: string;
  name: string;
  description: string;
  tags: string[];
  workingGroupId: string | null;
  workingGroupCode: string | null;
  versionCount: number;
  latest: Version;
  updatedAt: string;
  canUpload: boolean;
  canEdit: boolean;
  canDelete: boolean;
  versions?: Version[];
}

describe('working-documents library', () => {
  let t: TestApp;
  const c = {} as Record<
    'coordinator' | 'wg1CoChair' | 'wg1Expert' | 'wg1Observer' | 'wg2Expert' | 'wg2CoChair' | 'advisory' | 'outsider',
    HttpClient
  >;
  let projectId: string;
  let wg1: string;
  let wg2: string;

  /** multipart/form-data upload with the fetch of Node (undici), as a browser's FormData would send it. */
  async function upload(
    client: HttpClient,
    path: string,
    file: { name: string; bytes: Buffer } | null,
    fields: Record<string, string> = {},
  ) {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    if (file) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
    const response = await fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      body: form,
      headers: client.cookie ? { cookie: client.cookie } : {},
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }
  async function download(client: HttpClient, path: string) {
    const response = await fetch(`${t.baseUrl}${path}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }
  const list = async (client: HttpClient, query = '') =>
    (await client.get(`/api/projects/${projectId}/library${query}`)).body as {
      files: LibraryFile[];
      tags: Array<{ tag: string; count: number }>;
      uploadTargets: Array<string | null>;
      maxUploadBytes: number;
    };
  const counts = async () =>
    (
      await t.dataSource.query(
        'SELECT (SELECT count(*)::int FROM library_files) AS files, (SELECT count(*)::int FROM library_file_versions) AS versions, (SELECT count(*)::int FROM library_file_blobs) AS blobs',
      )
    )[0] as { files: number; versions: number; blobs: number };

  beforeAll(async () => {
    t = await startTestApp();
    const { AuthService } = await import('@roundtable/api-auth');
    await t.dataSource.query(
      "INSERT INTO users (email, password_hash, display_name, platform_role) VALUES ('outsider@example.org', $1, 'Outsider', 'member')",
      [await AuthService.hashPassword('roundtable-demo')],
    );
    const emails = {
      coordinator: 'coordinator@example.org',
      wg1CoChair: 'wg1-eu-cochair@example.org',
      wg1Expert: 'wg1-expert@example.org',
      wg1Observer: 'wg1-observer@example.org',
      wg2Expert: 'wg2-expert@example.org',
      wg2CoChair: 'wg2-cn-cochair@example.org',
      advisory: 'advisory-eu@example.org',
      outsider: 'outsider@example.org',
    } as const;
    for (const [role, email] of Object.entries(emails))
      c[role as keyof typeof c] = await new HttpClient(t.baseUrl).login(email);
    projectId = (await c.coordinator.get('/api/projects')).body[0].id;
    const groups = (await c.coordinator.get('/api/working-groups')).body as Array<{ id: string; code: string }>;
    wg1 = groups.find((g) => g.code === 'WG1')!.id;
    wg2 = groups.find((g) => g.code === 'WG2')!.id;
  });
  afterAll(() => t.close());

  it('the demo seeds files in every group and at the project level, with versions and tags', async () => {
    const { files, tags } = await list(c.wg2Expert);
    for (const code of ['WG1', 'WG2', 'WG3', null]) expect(files.some((f) => f.workingGroupCode === code)).toBe(true);
    const notes = files.find((f) => f.name === 'WG1 kick-off notes.md')!;
    expect(notes.versionCount).toBe(2);
    expect(tags).toEqual(expect.arrayContaining([{ tag: 'kick-off', count: 3 }]));
    const bytes = await download(c.wg2Expert, `/api/library/${notes.id}/download`);
    expect(bytes.bytes.toString('utf8')).toContain('中文摘要');
    expect(sha256(bytes.bytes)).toBe(notes.latest.sha256);
  });

  it('a WG1 expert uploads; a WG2 member finds it by tag, search and group, and downloads the same bytes with safe headers', async () => {
    const content = Buffer.from('# 精准医学 glossary\n\nBiobank: a collection of samples.\n', 'utf8');
    const created = await upload(
      c.wg1Expert,
      `/api/working-groups/${wg1}/library`,
      { name: '术语表 glossary.md', bytes: content },
      {
        description: 'Shared glossary for the harmonisation workshop',
        tags: 'Glossary, Harmonisation Workshop，术语',
      },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: '术语表 glossary.md',
      workingGroupId: wg1,
      workingGroupCode: 'WG1',
      description: 'Shared glossary for the harmonisation workshop',
      tags: ['glossary', 'harmonisation-workshop', '术语'],
      versionCount: 1,
      uploadedBy: 'WG1 expert',
      canUpload: true,
      canEdit: true,
      canDelete: false,
    });
    expect(created.body.latest).toMatchObject({
      number: 1,
      sizeBytes: content.length,
      sha256: sha256(content),
      contentType: 'text/markdown; charset=utf-8',
    });
    const id = created.body.id as string;

    const byTag = await list(c.wg2Expert, '?tag=GLOSSARY');
    expect(byTag.files.map((f) => f.id)).toEqual([id]);
    expect(byTag.files[0]).toMatchObject({ canUpload: false, canEdit: false, canDelete: false });
    expect((await list(c.wg2Expert, `?q=${encodeURIComponent('harmonisation')}`)).files.map((f) => f.id)).toContain(id);
    expect((await list(c.wg2Expert, `?q=${encodeURIComponent('术语')}`)).files.map((f) => f.id)).toEqual([id]);
    expect((await list(c.wg2Expert, `?q=${encodeURIComponent('%')}`)).files).toEqual([]);
    expect((await list(c.wg2Expert, `?workingGroupId=${wg1}`)).files.every((f) => f.workingGroupId === wg1)).toBe(true);
    expect((await list(c.wg2Expert, `?workingGroupId=${wg2}`)).files.map((f) => f.id)).not.toContain(id);
    expect((await list(c.wg2Expert, '?workingGroupId=project')).files.every((f) => f.workingGroupId === null)).toBe(
      true,
    );
    // Last updated first.
    const all = (await list(c.wg2Expert)).files;
    expect(all[0].id).toBe(id);
    expect([...all].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).map((f) => f.id)).toEqual(
      all.map((f) => f.id),
    );

    const got = await download(c.wg2Expert, `/api/library/${id}/download`);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(content)).toBe(true);
    expect(got.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="___ glossary.md"; filename*=UTF-8''${encodeURIComponent('术语表 glossary.md')}`,
    );
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toContain('sandbox');
    expect(got.headers.get('etag')).toBe(`"${sha256(content)}"`);
  });

  it('a new version keeps the earlier ones: listed newest first, the newest is the default download, any version downloads', async () => {
    const v1 = Buffer.from('a,b\n1,2\n');
    const v2 = Buffer.from('a,b\n1,2\n3,4\n');
    const created = await upload(
      c.wg1Expert,
      `/api/working-groups/${wg1}/library`,
      { name: 'table.csv', bytes: v1 },
      { tags: 'data' },
    );
    const id = created.body.id as string;
    const second = await upload(
      c.wg1CoChair,
      `/api/library/${id}/versions`,
      { name: 'table-revised.csv', bytes: v2 },
      { note: '  Row 3 added after the March call.  ' },
    );
    expect(second.status).toBe(201);
    // The file keeps the name people know it by; the upload's name stays with its version, with its note.
    expect(second.body).toMatchObject({ name: 'table.csv', versionCount: 2, tags: ['data'] });
    const versions = second.body.versions as Version[];
    expect(versions.map((v) => [v.number, v.fileName, v.sizeBytes, v.sha256, v.uploadedBy, v.note])).toEqual([
      [2, 'table-revised.csv', v2.length, sha256(v2), 'WG1 EU co-chair', 'Row 3 added after the March call.'],
      [1, 'table.csv', v1.length, sha256(v1), 'WG1 expert', ''],
    ]);
    expect((await list(c.wg2Expert)).files.find((f) => f.id === id)!.name).toBe('table.csv');
    expect((await download(c.wg2Expert, `/api/library/${id}/download`)).bytes.equals(v2)).toBe(true);
    const old = await download(c.wg2Expert, `/api/library/${id}/versions/${versions[1].id}/download`);
    expect(old.bytes.equals(v1)).toBe(true);
    expect(old.headers.get('content-disposition')).toContain('filename="table.csv"');
    // A version of another file is not reachable through this one.
    const other = (await list(c.wg2Expert)).files.find((f) => f.id !== id)!;
    expect((await download(c.wg2Expert, `/api/library/${id}/versions/${other.latest.id}/download`)).status).toBe(404);
    // A new version takes no description or tags: they belong to the file.
    const withTags = await upload(
      c.wg1CoChair,
      `/api/library/${id}/versions`,
      { name: 'x.csv', bytes: v2 },
      { tags: 'other' },
    );
    expect(withTags.status).toBe(400);
    expect(withTags.body.fields).toEqual([
      { field: 'tags', code: 'unknownField', message: 'tags is not expected here' },
    ]);
    const longNote = await upload(
      c.wg1CoChair,
      `/api/library/${id}/versions`,
      { name: 'x.csv', bytes: v2 },
      { note: 'n'.repeat(501) },
    );
    expect(longNote.status).toBe(400);
    expect(longNote.body.fields).toEqual([
      { field: 'note', code: 'maxLength', params: { max: 500 }, message: 'note must be at most 500 characters' },
    ]);
    expect(
      (await t.dataSource.query('SELECT count(*)::int AS n FROM library_file_versions WHERE file_id = $1', [id]))[0].n,
    ).toBe(2);
  });

  it('concurrent new versions of one file get distinct numbers', async () => {
    const id = (
      await upload(c.wg1Expert, `/api/working-groups/${wg1}/library`, { name: 'race.txt', bytes: Buffer.from('v1') })
    ).body.id;
    const results = await Promise.all(
      [2, 3, 4, 5].map((n) =>
        upload(c.wg1Expert, `/api/library/${id}/versions`, { name: 'race.txt', bytes: Buffer.from(`v${n}`) }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const detail = (await c.wg1Expert.get(`/api/library/${id}`)).body as LibraryFile;
    expect(detail.versions!.map((v) => v.number)).toEqual([5, 4, 3, 2, 1]);
  });

  it('who may upload, edit and delete; outsiders get 404 everywhere', async () => {
    const txt = (name: string) => ({ name, bytes: Buffer.from(`text of ${name}`) });
    const wg1Upload = (role: keyof typeof c) =>
      upload(c[role], `/api/working-groups/${wg1}/library`, txt(`by-${role}.txt`));
    expect((await wg1Upload('coordinator')).status).toBe(201);
    expect((await wg1Upload('wg1CoChair')).status).toBe(201);
    expect((await wg1Upload('wg1Observer')).status).toBe(403);
    expect((await wg1Upload('wg2Expert')).status).toBe(403);
    expect((await wg1Upload('advisory')).status).toBe(403);
    expect((await wg1Upload('outsider')).status).toBe(404);
    expect(
      (await upload(new HttpClient(t.baseUrl), `/api/working-groups/${wg1}/library`, txt('anon.txt'))).status,
    ).toBe(401);
    // Project-level files are the coordinators'.
    expect((await upload(c.coordinator, `/api/projects/${projectId}/library`, txt('project.txt'))).status).toBe(201);
    expect((await upload(c.wg1CoChair, `/api/projects/${projectId}/library`, txt('project2.txt'))).status).toBe(403);
    expect((await upload(c.outsider, `/api/projects/${projectId}/library`, txt('project3.txt'))).status).toBe(404);
    expect((await list(c.wg1Expert)).uploadTargets).toEqual([wg1]);
    expect((await list(c.coordinator)).uploadTargets).toHaveLength(4);
    expect((await list(c.advisory)).uploadTargets).toEqual([]);

    const file = (await upload(c.wg1Expert, `/api/working-groups/${wg1}/library`, txt('mine.txt'))).body as LibraryFile;
    const patch = (role: keyof typeof c, body: unknown) => c[role].request('PATCH', `/api/library/${file.id}`, body);
    expect((await patch('wg1Expert', { description: 'By the uploader' })).status).toBe(200);
    expect((await patch('wg1CoChair', { tags: ['Reviewed'] })).body).toMatchObject({
      description: 'By the uploader',
      tags: ['reviewed'],
    });
    expect((await patch('coordinator', { description: 'By the coordinator' })).status).toBe(200);
    expect((await patch('wg1Observer', { description: 'x' })).status).toBe(403);
    expect((await patch('wg2CoChair', { description: 'x' })).status).toBe(403);
    expect((await patch('advisory', { description: 'x' })).status).toBe(403);
    expect((await patch('outsider', { description: 'x' })).status).toBe(404);
    expect((await c.wg1Expert.get(`/api/library/${file.id}`)).body.description).toBe('By the coordinator');

    // Reading and downloading: every member of any group and the advisory board; outsiders 404.
    for (const role of ['wg1Observer', 'wg2Expert', 'advisory'] as const) {
      expect((await c[role].get(`/api/library/${file.id}`)).status).toBe(200);
      expect((await download(c[role], `/api/library/${file.id}/download`)).status).toBe(200);
    }
    expect((await c.outsider.get(`/api/library/${file.id}`)).status).toBe(404);
    expect((await download(c.outsider, `/api/library/${file.id}/download`)).status).toBe(404);
    expect((await c.outsider.get(`/api/projects/${projectId}/library`)).status).toBe(404);
    expect((await upload(c.outsider, `/api/library/${file.id}/versions`, txt('v2.txt'))).status).toBe(404);
    expect((await upload(c.wg2Expert, `/api/library/${file.id}/versions`, txt('v2.txt'))).status).toBe(403);

    const del = (role: keyof typeof c) => c[role].request('DELETE', `/api/library/${file.id}`);
    expect((await del('wg1Expert')).status).toBe(403);
    expect((await del('wg2CoChair')).status).toBe(403);
    expect((await del('outsider')).status).toBe(404);
    expect((await del('wg1CoChair')).status).toBe(204);
    // Gone for everyone, history kept (soft delete).
    expect((await c.coordinator.get(`/api/library/${file.id}`)).status).toBe(404);
    expect((await download(c.coordinator, `/api/library/${file.id}/download`)).status).toBe(404);
    expect((await list(c.coordinator)).files.map((f) => f.id)).not.toContain(file.id);
    expect((await del('coordinator')).status).toBe(404);
    const [kept] = await t.dataSource.query(
      'SELECT deleted_by_user_id IS NOT NULL AS recorded, (SELECT count(*)::int FROM library_file_versions WHERE file_id = $1) AS versions FROM library_files WHERE id = $1',
      [file.id],
    );
    expect(kept).toEqual({ recorded: true, versions: 1 });
  });

  describe('bad input changes nothing', () => {
    const wg1Path = () => `/api/working-groups/${wg1}/library`;

    it('a file over the limit → 413 naming the file, nothing stored', async () => {
      const before = await counts();
      const big = Buffer.alloc(LIMIT + 1, 0x61);
      const result = await upload(c.wg1Expert, wg1Path(), { name: 'big.txt', bytes: big });
      expect(result.status).toBe(413);
      expect(result.body).toEqual({
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: 'file must be at most 1 MB',
        fields: [
          { field: 'file', code: 'fileTooLarge', params: { max: '1 MB' }, message: 'file must be at most 1 MB' },
        ],
      });
      // Far over the limit: refused from the declared length, before the body is read.
      const huge = await upload(c.wg1Expert, wg1Path(), { name: 'huge.txt', bytes: Buffer.alloc(3 * LIMIT, 0x61) });
      expect(huge.status).toBe(413);
      expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await counts()).toEqual(before);
      // Declared far over the limit: answered before the body is sent (the request below never sends it).
      const early = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(`${t.baseUrl}${wg1Path()}`, {
          method: 'POST',
          headers: {
            cookie: c.wg1Expert.cookie!,
            'content-type': 'multipart/form-data; boundary=x',
            'content-length': String(100 * LIMIT),
          },
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
        req.write('--x\r\n');
      });
      expect(early.status).toBe(413);
      expect(JSON.parse(early.body).fields).toEqual([
        { field: 'file', code: 'fileTooLarge', params: { max: '1 MB' }, message: 'file must be at most 1 MB' },
      ]);
      expect(await counts()).toEqual(before);
      // Exactly at the limit is accepted.
      expect(
        (await upload(c.wg1Expert, wg1Path(), { name: 'limit.txt', bytes: Buffer.alloc(LIMIT, 0x61) })).status,
      ).toBe(201);
    });

    it.each([
      ['a type not on the allow-list', 'script.html', Buffer.from('<html><script>alert(1)</script></html>')],
      ['an executable', 'tool.exe', Buffer.from('MZ\x90\x00')],
      ['HTML disguised as PDF', 'paper.pdf', Buffer.from('<html><body>not a pdf</body></html>')],
      ['a PNG called .jpg', 'photo.jpg', PNG],
      ['a plain zip called .docx', 'paper.docx', Buffer.from('PK\x03\x04 just a zip')],
      ['binary called .txt', 'notes.txt', Buffer.from([0x41, 0x00, 0x42])],
    ])('%s → 415 naming the file, nothing stored', async (_label, name, bytes) => {
      const before = await counts();
      const result = await upload(c.wg1Expert, wg1Path(), { name, bytes });
      expect(result.status).toBe(415);
      expect(result.body.code).toBe('UNSUPPORTED_FILE_TYPE');
      expect(result.body.fields.map((f: { field: string }) => f.field)).toEqual(['file']);
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['an empty file', { name: 'empty.txt', bytes: Buffer.alloc(0) }, {}, ['file']],
      ['no file', null, {}, ['file']],
      ['a name of dots only', { name: '..', bytes: Buffer.from('x') }, {}, ['file']],
      [
        '11 tags',
        { name: 'tags.txt', bytes: Buffer.from('x') },
        { tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(',') },
        ['tags'],
      ],
      ['a tag with punctuation', { name: 'tags.txt', bytes: Buffer.from('x') }, { tags: 'ok, <b>' }, ['tags']],
      [
        'a description too long',
        { name: 'd.txt', bytes: Buffer.from('x') },
        { description: 'x'.repeat(2001) },
        ['description'],
      ],
      ['an unknown field', { name: 'u.txt', bytes: Buffer.from('x') }, { owner: 'someone' }, ['owner']],
    ])('%s → 400 naming the field, nothing stored', async (_label, file, fields, named) => {
      const before = await counts();
      const result = await upload(c.wg1Expert, wg1Path(), file, fields as Record<string, string>);
      expect(result.status).toBe(400);
      expect(result.body.code).toBe('VALIDATION_FAILED');
      expect(result.body.fields.map((f: { field: string }) => f.field)).toEqual(named);
      expect(await counts()).toEqual(before);
    });

    it('two files in one request → 400, nothing stored', async () => {
      const before = await counts();
      const form = new FormData();
      form.append('file', new Blob(['a']), 'a.txt');
      form.append('file', new Blob(['b']), 'b.txt');
      const response = await fetch(`${t.baseUrl}${wg1Path()}`, {
        method: 'POST',
        body: form,
        headers: { cookie: c.wg1Expert.cookie! },
      });
      expect(response.status).toBe(400);
      expect((await response.json()).fields[0].field).toBe('file');
      expect(await counts()).toEqual(before);
    });

    it('a JSON body instead of multipart → 415 naming the body', async () => {
      const result = await c.wg1Expert.post(wg1Path(), { file: 'x' });
      expect(result.status).toBe(415);
      expect(result.body.fields.map((f: { field: string }) => f.field)).toContain('body');
    });

    it('path traversal and bidi overrides in the name are removed; the name is kept for display', async () => {
      // (Raw control characters make the multipart header itself malformed: 400 from the parser.)
      const result = await upload(c.wg1Expert, wg1Path(), {
        name: '../../etc/\u202Epasswd.txt',
        bytes: Buffer.from('x'),
      });
      expect(result.status).toBe(201);
      expect(result.body.name).toBe('passwd.txt');
      expect(result.body.latest.fileName).toBe('passwd.txt');
      const got = await download(c.wg2Expert, `/api/library/${result.body.id}/download`);
      expect(got.headers.get('content-disposition')).toBe(
        `attachment; filename="passwd.txt"; filename*=UTF-8''passwd.txt`,
      );
    });

    it('PATCH: too many tags → 400 naming tags; wrong types named; nothing changed', async () => {
      const file = (await upload(c.wg1Expert, wg1Path(), { name: 'p.txt', bytes: Buffer.from('x') }, { tags: 'keep' }))
        .body as LibraryFile;
      const tooMany = await c.wg1Expert.request('PATCH', `/api/library/${file.id}`, {
        tags: Array.from({ length: 11 }, (_, i) => `t${i}`),
        description: 'new',
      });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.fields).toEqual([{ field: 'tags', code: 'invalidTags', message: 'at most 10 tags' }]);
      const wrong = await c.wg1Expert.request('PATCH', `/api/library/${file.id}`, { tags: 'a,b', description: 5 });
      expect(wrong.status).toBe(400);
      expect([...new Set(wrong.body.fields.map((f: { field: string }) => f.field))].sort()).toEqual([
        'description',
        'tags',
      ]);
      expect((await c.wg1Expert.get(`/api/library/${file.id}`)).body).toMatchObject({
        tags: ['keep'],
        description: '',
      });
      expect((await c.wg1Expert.get('/api/library/not-a-uuid')).body.fields).toEqual([
        { field: 'fileId', code: 'isUuid', message: 'fileId must be a UUID' },
      ]);
      // Upload routes check their ids before reading the body.
      const badGroup = await upload(c.wg1Expert, '/api/working-groups/not-a-uuid/library', {
        name: 'x.txt',
        bytes: Buffer.from('x'),
      });
      expect(badGroup).toMatchObject({
        status: 400,
        body: { fields: [{ field: 'groupId', code: 'isUuid', message: 'groupId must be a UUID' }] },
      });
      expect(
        (await upload(c.wg1Expert, '/api/library/1/versions', { name: 'x.txt', bytes: Buffer.from('x') })).body
          .fields[0].field,
      ).toBe('fileId');
      expect(
        (await upload(c.coordinator, '/api/projects/x/library', { name: 'x.txt', bytes: Buffer.from('x') })).body
          .fields[0].field,
      ).toBe('projectId');
      expect((await c.wg1Expert.get(`/api/projects/${projectId}/library?workingGroupId=x`)).body.fields[0].field).toBe(
        'workingGroupId',
      );
    });
  });
});
