import { RequestMethod } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Walks every body-taking route of the OpenAPI document with generated bad values, signed in as a
 * coordinator (so authorisation does not hide validation) and anonymously where a route is public.
 * Fails on any 5xx, on a 400 that does not name the field, and on a bad value that is accepted.
 * Nothing here lists routes: a new route is walked as soon as it is in the document.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  minLength?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
}
interface Operation {
  requestBody?: { content: Record<string, { schema: Schema }> };
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}
interface Probe {
  /** What the probe does, for the failure list. */
  label: string;
  /** The field a 400 must name ('*': any field). */
  field: string;
  body: string;
  contentType?: string;
  /** A 2xx is a failure: the value is not acceptable anywhere. */
  mustRefuse: boolean;
}

const MB = 1024 * 1024;
const METHODS = ['post', 'put', 'patch', 'delete'];
const NUL_TEXT = 'walk\u0000text';
const LONE_SURROGATE = 'walk\uD800text';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('bad input never gets a 5xx, and a 400 names the field', () => {
  let t: TestApp;
  let coordinator: HttpClient;
  let anonymous: HttpClient;
  let doc: OpenApiDocument;
  let tables: string[];
  let createdAt: string[];
  const ids = new Map<string, string | null>();

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    anonymous = new HttpClient(t.baseUrl);
    doc = (await coordinator.get('/api/openapi.json')).body;
    tables = (
      await t.dataSource.query(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id'",
      )
    ).map((row: { table_name: string }) => row.table_name);
    createdAt = (
      await t.dataSource.query(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'created_at'",
      )
    ).map((row: { table_name: string }) => row.table_name);
    await createFixtures();
    // Choose the rows now, before the walk itself adds any.
    for (const path of Object.keys(doc.paths)) await concretePath(path);
  }, 60_000);
  afterAll(() => t.close());

  /** Rows the demo seed does not have, made through the API, so routes on them get past "not found". */
  async function createFixtures(): Promise<void> {
    const [project] = await t.dataSource.query('SELECT id FROM projects ORDER BY id LIMIT 1');
    const groups: Array<{ id: string }> = await t.dataSource.query('SELECT id FROM working_groups ORDER BY code');
    const call = await coordinator.post('/api/calls', {
      projectId: project.id,
      title: { en: 'Walk call', zh: '测试征集' },
      description: { en: 'Walk', zh: '测试' },
      eligibility: { en: 'Walk', zh: '测试' },
      workingGroupIds: [groups[0].id],
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(call.status).toBe(201);
    const application = await anonymous.post(`/api/public/calls/${call.body.id}/applications`, {
      name: 'Walk Applicant',
      email: 'walk.applicant@example.net',
      country: 'FR',
      affiliation: 'Walk Institute',
      sector: 'academia',
      expertise: ['genomics'],
      preferredWorkingGroupIds: [groups[0].id],
      motivation: 'Walking every route.',
      conflictOfInterest: 'none',
      consentGdpr: true,
      consentPipl: true,
    });
    expect(application.status).toBeLessThan(300);
    const invitation = await coordinator.post(`/api/working-groups/${groups[0].id}/invitations`, {
      email: 'walk.invitee@example.net',
      role: 'expert',
    });
    expect(invitation.status).toBe(201);
    // A meeting with one invitee: changes to it mail one person, not a whole group.
    const [person] = await t.dataSource.query(
      "SELECT p.id FROM people p JOIN users u ON u.person_id = p.id WHERE u.email = 'coordinator@example.org'",
    );
    const meeting = await coordinator.post(`/api/projects/${project.id}/meetings`, {
      type: 'other',
      title: 'Walk meeting',
      start: '2026-03-10T10:00',
      timeZone: 'Europe/Rome',
      durationMinutes: 60,
      inviteePersonIds: [person.id],
    });
    expect(meeting.status).toBe(201);
  }

  function deref(schema: Schema | undefined): Schema {
    if (!schema) return {};
    if (!schema.$ref) return schema;
    return deref(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  }

  function snake(name: string): string {
    return name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/-/g, '_')
      .toLowerCase();
  }

  /** The table a name refers to ("working-groups", "personId", "agendaItemId", "actions"…), by naming convention. */
  function tableFor(name: string): string | null {
    const base = snake(name).replace(/_ids?$/, '');
    const words = [base, base.split('_').pop()!].filter((w, i, all) => w && all.indexOf(w) === i);
    for (const word of words) {
      const forms = [word, word === 'person' ? 'people' : `${word}s`, word.replace(/s$/, '')];
      const shortest = (list: string[]) => list.sort((a, b) => a.length - b.length)[0] ?? null;
      const found =
        forms.find((f) => tables.includes(f)) ??
        shortest(tables.filter((table) => forms.some((f) => table.endsWith(`_${f}`)))) ??
        shortest(tables.filter((table) => forms.some((f) => table.startsWith(`${f}_`))));
      if (found) return found;
    }
    return null;
  }

  /** The id of an existing row for a parameter or property name, or null when the name is not an id. */
  async function idFor(name: string): Promise<string | null> {
    if (!ids.has(name)) {
      const table = tableFor(name);
      // The newest row: the fixtures above when there are any.
      const [row] = table
        ? await t.dataSource.query(
            `SELECT id::text FROM "${table}" ORDER BY ${createdAt.includes(table) ? 'created_at DESC, ' : ''}id LIMIT 1`,
          )
        : [];
      ids.set(name, row?.id ?? null);
    }
    return ids.get(name)!;
  }

  async function concretePath(path: string): Promise<string> {
    const segments = path.split('/');
    const out: string[] = [];
    for (let i = 0; i < segments.length; i += 1) {
      const match = /^\{(.+)\}$/.exec(segments[i]);
      if (!match) {
        out.push(segments[i]);
        continue;
      }
      const name = match[1];
      const id = name === 'id' ? await idFor(segments[i - 1]) : /Id$/.test(name) ? await idFor(name) : null;
      out.push(
        encodeURIComponent(
          id ??
            (/Id$|^id$/.test(name)
              ? UNKNOWN_ID
              : name === 'originalStart'
                ? '2026-03-10T09:00:00.000Z'
                : `walk-${name}`),
        ),
      );
    }
    return out.join('/');
  }

  /** A plausible valid value: the documented example, enum or default, an existing row's id for `…Id`. */
  async function sample(name: string, raw: Schema): Promise<unknown> {
    const schema = deref(raw);
    if (schema.example !== undefined) return schema.example;
    if (schema.enum) return schema.enum[0];
    if (schema.default !== undefined) return schema.default;
    if (/Ids$/.test(name) || (schema.type === 'array' && /Ids$/.test(name))) return [(await idFor(name)) ?? UNKNOWN_ID];
    if (/Id$/.test(name)) return (await idFor(name)) ?? UNKNOWN_ID;
    if (schema.type === 'array') return [await sample(name.replace(/s$/, ''), schema.items ?? {})];
    if (schema.properties) return sampleObject(schema);
    if (schema.type === 'number' || schema.type === 'integer') return schema.minimum ?? 1;
    if (schema.type === 'boolean') return true;
    if (/email/i.test(name)) return 'walk.person@example.net';
    return 'Walk text'.padEnd(schema.minLength ?? 0, '.');
  }

  async function sampleObject(schema: Schema): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const name of schema.required ?? []) out[name] = await sample(name, schema.properties?.[name] ?? {});
    return out;
  }

  /** Bad values for one property, by its documented type. */
  function badValues(raw: Schema): Array<{ label: string; value: unknown; mustRefuse: boolean }> {
    const schema = deref(raw);
    const values: Array<{ label: string; value: unknown; mustRefuse: boolean }> = [
      { label: 'null', value: null, mustRefuse: !schema.nullable },
    ];
    if (schema.type === 'string') {
      values.push(
        { label: 'a number', value: 12345, mustRefuse: true },
        { label: 'NUL', value: NUL_TEXT, mustRefuse: true },
        { label: 'a lone surrogate', value: LONE_SURROGATE, mustRefuse: true },
        { label: '20,000 characters', value: 'w'.repeat(20_000), mustRefuse: false },
      );
    } else if (schema.type === 'number' || schema.type === 'integer') {
      values.push(
        { label: 'an object', value: { walk: 1 }, mustRefuse: true },
        { label: 'text', value: 'twelve', mustRefuse: true },
        { label: 'a huge number', value: 1e20, mustRefuse: false },
        { label: 'a negative number', value: -1, mustRefuse: false },
        { label: 'a fraction', value: 0.5, mustRefuse: false },
      );
    } else if (schema.properties) {
      values.push({ label: 'text', value: 'not an object', mustRefuse: true });
    } else if (schema.type === 'object') {
      // A free-form object (e.g. a Yjs relative position): the server must cope with any shape.
      values.push(
        { label: 'text', value: 'not an object', mustRefuse: true },
        { label: 'an unexpected object', value: { item: { client: 'x' }, walk: [1] }, mustRefuse: false },
      );
    } else if (schema.type === 'boolean') {
      values.push({ label: 'text', value: 'yes', mustRefuse: true });
    } else if (schema.type === 'array') {
      values.push(
        { label: 'an object', value: { walk: 1 }, mustRefuse: true },
        { label: 'text', value: 'not a list', mustRefuse: true },
        { label: 'a list holding null', value: [null], mustRefuse: true },
        { label: 'a list holding NUL', value: [NUL_TEXT], mustRefuse: true },
        { label: 'a list holding a lone surrogate', value: [LONE_SURROGATE], mustRefuse: true },
        { label: 'a list of 1,000', value: Array.from({ length: 1000 }, (_, i) => `w${i}`), mustRefuse: false },
      );
    }
    return values;
  }

  function set(body: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
    const copy = structuredClone(body);
    let target: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
    target[path[path.length - 1]] = value;
    return copy;
  }

  /** One probe per bad value per property, nested objects and lists of objects included. */
  async function probesFor(schema: Schema): Promise<{ base: Record<string, unknown>; probes: Probe[] }> {
    const base = await sampleObject(schema);
    const probes: Probe[] = [
      { label: 'malformed JSON', field: 'body', body: '{"walk": ', mustRefuse: true },
      { label: 'a list for the body', field: '*', body: '[]', mustRefuse: true },
      {
        label: 'an unknown field',
        field: 'walkUnknownField',
        body: JSON.stringify({ ...base, walkUnknownField: 1 }),
        mustRefuse: true,
      },
      {
        label: 'a field name with NUL',
        field: '*',
        body: JSON.stringify({ ...base, ['walk\u0000key']: 1 }),
        mustRefuse: true,
      },
      { label: 'an empty object', field: '*', body: '{}', mustRefuse: false },
      { label: 'deep nesting', field: '*', body: `{"walk":${'['.repeat(5000)}${']'.repeat(5000)}}`, mustRefuse: true },
      { label: 'a 1 MB body', field: '*', body: JSON.stringify({ ...base, walk: 'w'.repeat(MB) }), mustRefuse: true },
    ];
    const walk = async (object: Schema, prefix: string[], container: Record<string, unknown>) => {
      for (const [name, raw] of Object.entries(object.properties ?? {})) {
        const path = [...prefix, name];
        const property = deref(raw);
        for (const bad of badValues(property)) {
          probes.push({
            label: bad.label,
            field: path.join('.'),
            body: JSON.stringify(set(container, path, bad.value)),
            mustRefuse: bad.mustRefuse,
          });
        }
        const item = property.type === 'array' ? deref(property.items) : null;
        if (property.properties) {
          await walk(property, path, set(container, path, await sampleObject(property)));
        } else if (item?.properties) {
          await walk(item, [...path, '0'], set(container, path, [await sampleObject(item)]));
        }
      }
    };
    await walk(schema, [], base);
    return { base, probes };
  }

  function fieldsOf(response: { status: number; body: any }): string[] {
    return response.status === 400
      ? ((response.body?.fields ?? []) as Array<{ field: string }>).map((f) => f.field)
      : [];
  }

  /**
   * What is wrong with a response to a probe, or null. A 400 must name the probed field, unless the value
   * is acceptable and the 400 is only about the generated rest of the body (what the base alone gets).
   */
  function judge(probe: Probe, response: { status: number; body: any }, baseFields: string[]): string | null {
    if (response.status >= 500) return `${response.status}`;
    const fields = fieldsOf(response);
    const named =
      probe.field === '*'
        ? fields.length > 0
        : fields.some((f) => f === probe.field || f.startsWith(`${probe.field}.`));
    const aboutTheBase = !probe.mustRefuse && fields.length > 0 && fields.every((f) => baseFields.includes(f));
    if (response.status === 400 && !named && !aboutTheBase)
      return `400 not naming ${probe.field}: ${JSON.stringify(response.body).slice(0, 200)}`;
    if (response.status < 300 && probe.mustRefuse) return `${response.status}: accepted`;
    return null;
  }

  it('describes the body of every handler that reads one, and no body where none is read', async () => {
    const modules = t.app.get(ModulesContainer);
    const scanner = new MetadataScanner();
    const mismatches: string[] = [];
    let bodies = 0;
    for (const wrapper of [...modules.values()].flatMap((module) => [...module.controllers.values()])) {
      if (!wrapper.instance || !wrapper.metatype) continue;
      const prototype = Object.getPrototypeOf(wrapper.instance);
      const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
      for (const name of scanner.getAllMethodNames(prototype)) {
        const path = Reflect.getMetadata(PATH_METADATA, prototype[name]);
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, prototype[name]) as number].toLowerCase();
        const route = `/api/${[base, String(path)].filter((p) => p && p !== '/').join('/')}`
          .replace(/\/+/g, '/')
          .replace(/:(\w+)/g, '{$1}');
        const args = Object.keys(Reflect.getMetadata(ROUTE_ARGS_METADATA, wrapper.metatype, name) ?? {});
        const readsBody = args.some((key) =>
          [RouteParamtypes.BODY, RouteParamtypes.FILE, RouteParamtypes.FILES].includes(Number(key.split(':')[0])),
        );
        const operation = doc.paths[route]?.[method];
        if (!operation) {
          mismatches.push(`${method.toUpperCase()} ${route}: not in the OpenAPI document`);
          continue;
        }
        const schema = Object.values(operation.requestBody?.content ?? {})[0]?.schema;
        if (readsBody) bodies += 1;
        if (readsBody && !deref(schema).properties)
          mismatches.push(`${method.toUpperCase()} ${route}: reads a body the document does not describe`);
        if (!readsBody && operation.requestBody)
          mismatches.push(`${method.toUpperCase()} ${route}: documents a body it never reads`);
      }
    }
    expect(bodies).toBeGreaterThan(30);
    expect(mismatches).toEqual([]);
  });

  it('every POST, PUT and PATCH with a body in the document has a JSON or multipart schema', () => {
    const missing = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method, op]) => METHODS.includes(method) && op.requestBody)
        .filter(
          ([, op]) =>
            !Object.entries(op.requestBody!.content).some(
              ([type, c]) => /^(application\/json|multipart\/form-data)$/.test(type) && deref(c.schema).properties,
            ),
        )
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(missing).toEqual([]);
  });

  it('walks every body-taking route with bad values', async () => {
    const failures: string[] = [];
    let walked = 0;
    let sent = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const content = operation.requestBody?.content ?? {};
        const [contentType, media] = Object.entries(content)[0] ?? [];
        if (!METHODS.includes(method) || !media) continue;
        walked += 1;
        const url = await concretePath(path);
        const schema = deref(media.schema);
        const { base, probes } =
          contentType === 'multipart/form-data'
            ? { base: null, probes: multipartProbes(schema) }
            : await probesFor(schema);
        const baseFields = base ? fieldsOf(await coordinator.request(method.toUpperCase(), url, base)) : [];
        // Public routes are walked anonymously too: that is how an outsider meets them.
        const opening = await anonymous.request(
          method.toUpperCase(),
          url,
          '{}',
          contentType === 'application/json' ? {} : { 'content-type': 'application/json' },
        );
        const clients = opening.status === 401 ? [coordinator] : [coordinator, anonymous];
        for (const client of clients) {
          for (const probe of probes) {
            const response = await client.request(
              method.toUpperCase(),
              url,
              probe.body,
              probe.contentType ? { 'content-type': probe.contentType } : {},
            );
            sent += 1;
            // A coordinator answered 401 means the walk lost its session and checked nothing more.
            const problem =
              client === coordinator && response.status === 401
                ? '401: the coordinator was signed out'
                : judge(probe, response, baseFields);
            if (problem)
              failures.push(
                `${method.toUpperCase()} ${path} ${probe.field} = ${probe.label}${client === anonymous ? ' (anonymous)' : ''}: ${problem}`,
              );
          }
        }
      }
    }
    expect(walked).toBeGreaterThan(30);
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 240_000);

  it('walks every GET query parameter with a closed set of values or an id format', async () => {
    const failures: string[] = [];
    let walked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      const query = (operations.get?.parameters ?? []).filter(
        (p) => p.in === 'query' && (deref(p.schema).enum || deref(p.schema).format === 'uuid'),
      );
      if (query.length === 0) continue;
      const url = await concretePath(path);
      // Every other closed parameter at a good value, so only the probed one is wrong.
      const good = (name: string) =>
        query
          .filter((p) => p.name !== name && deref(p.schema).enum)
          .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(deref(p.schema).enum![0]))}`);
      for (const param of query) {
        for (const bad of ['walk-not-a-value', '', "' OR 1=1 --", NUL_TEXT]) {
          walked += 1;
          const search = [...good(param.name), `${encodeURIComponent(param.name)}=${encodeURIComponent(bad)}`].join(
            '&',
          );
          const response = await coordinator.get(`${url}?${search}`);
          const fields = fieldsOf(response);
          if (response.status >= 500 || response.status < 300)
            failures.push(`GET ${path}?${search}: ${response.status}`);
          else if (response.status === 400 && !fields.includes(param.name))
            failures.push(`GET ${path}?${search}: 400 not naming ${param.name}`);
        }
      }
    }
    expect(walked).toBeGreaterThanOrEqual(8);
    expect(failures).toEqual([]);
  }, 120_000);

  it('walks every paged GET (ADR 029) with bad limits and cursors, each refused naming its field', async () => {
    const failures: string[] = [];
    let walked = 0;
    const forged = Buffer.from(JSON.stringify({ walk: [1] })).toString('base64url');
    const bad: Record<string, string[]> = {
      limit: ['0', '-1', '100000', '1.5', 'twelve', '', NUL_TEXT],
      cursor: ['walk not a cursor', '', 'A'.repeat(5000), forged, NUL_TEXT, "' OR 1=1 --"],
    };
    for (const [path, operations] of Object.entries(doc.paths)) {
      const names = (operations.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      if (!names.includes('limit') || !names.includes('cursor')) continue;
      const url = await concretePath(path);
      // Only where a good request is answered: the guard's 403/404 comes before any parameter is read.
      if ((await coordinator.get(url)).status !== 200) continue;
      for (const [name, values] of Object.entries(bad)) {
        for (const value of values) {
          walked += 1;
          const response = await coordinator.get(`${url}?${name}=${encodeURIComponent(value)}`);
          if (response.status !== 400) failures.push(`GET ${path}?${name}=${value.slice(0, 20)}: ${response.status}`);
          else if (!fieldsOf(response).includes(name))
            failures.push(`GET ${path}?${name}=${value.slice(0, 20)}: 400 not naming ${name}`);
        }
      }
    }
    expect(walked).toBeGreaterThanOrEqual(8 * 13);
    expect(failures).toEqual([]);
  }, 120_000);

  /** Upload routes: bad text fields next to a file, and a JSON body where a form is expected. */
  function multipartProbes(schema: Schema): Probe[] {
    const boundary = 'walkboundary';
    const form = (fields: Record<string, string>) =>
      [
        ...Object.entries(fields).map(
          ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        ),
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="walk.txt"\r\nContent-Type: text/plain\r\n\r\nwalk\r\n`,
        `--${boundary}--\r\n`,
      ].join('');
    const contentType = `multipart/form-data; boundary=${boundary}`;
    const textFields = Object.entries(schema.properties ?? {}).filter(
      ([, s]) => deref(s).type === 'string' && deref(s).format !== 'binary',
    );
    return [
      { label: 'JSON instead of a form', field: 'body', body: '{}', mustRefuse: true },
      ...textFields.flatMap(([name]) => [
        { label: 'NUL', field: name, body: form({ [name]: NUL_TEXT }), contentType, mustRefuse: true },
        {
          label: 'a lone surrogate',
          field: name,
          body: form({ [name]: LONE_SURROGATE }),
          contentType,
          mustRefuse: false,
        },
      ]),
      {
        label: 'an unknown field',
        field: 'walkUnknownField',
        body: form({ walkUnknownField: 'x' }),
        contentType,
        mustRefuse: true,
      },
    ];
  }
});
