import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Managing the structure (issue 13 item 4, ADR 035) over HTTP on real PostgreSQL: working groups with
 * dimensions and guiding partners, partners with their people, term end dates, the headcount target and the
 * balance filters, and reviewers' conflicts of interest. Coordinators only; bad input names the field.
 */
describe('managing the structure', () => {
  let t: TestApp;
  let projectId: string;
  let coordinator: HttpClient;
  let expert: HttpClient;
  let coChair: HttpClient;
  const as = (email: string) => new HttpClient(t.baseUrl).login(email);
  const put = (client: HttpClient, path: string, body: unknown) => client.request('PUT', path, body);
  const bilingual = (en: string) => ({ en, zh: `${en}（中文）` });
  /** The fields a 400 names (one entry per failed constraint, so a field may come more than once). */
  const fieldsOf = (body: { fields: Array<{ field: string }> }) => [...new Set(body.fields.map((f) => f.field))];

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await as('coordinator@example.org');
    expert = await as('wg1-expert@example.org');
    coChair = await as('wg1-eu-cochair@example.org');
    projectId = (await coordinator.get('/api/projects')).body[0].id;
  });
  afterAll(() => t.close());

  async function partnerIds(...shortNames: string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await t.dataSource.query(
      'SELECT id FROM partners WHERE short_name = ANY($1) ORDER BY short_name',
      [shortNames],
    );
    return rows.map((r) => r.id);
  }

  describe('working groups', () => {
    const group = (partners: string[], code = 'WG4') => ({
      code,
      title: bilingual('Data sharing'),
      aim: bilingual('Make genomic data findable'),
      dimensions: [
        { title: bilingual('Standards'), focus: bilingual('FAIR data'), goal: bilingual('A shared checklist') },
        { title: bilingual('Consent'), focus: bilingual('Broad consent'), goal: bilingual('A template') },
      ],
      guidingPartnerIds: partners,
    });

    it('lets a coordinator create a group with dimensions and guiding partners, then edit it', async () => {
      const partners = await partnerIds('UCSC', 'Tsinghua');
      const created = await coordinator.post(`/api/projects/${projectId}/working-groups`, group(partners));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        code: 'WG4',
        title: { en: 'Data sharing' },
        dimensions: [
          { position: 1, title: { en: 'Standards' }, focus: { en: 'FAIR data' }, goal: { en: 'A shared checklist' } },
          { position: 2, title: { en: 'Consent' } },
        ],
      });
      expect(created.body.guidingPartners.map((p: { shortName: string }) => p.shortName).sort()).toEqual([
        'Tsinghua',
        'UCSC',
      ]);
      const [{ position, max }] = await t.dataSource.query(
        'SELECT position, (SELECT max(position) FROM working_groups) AS max FROM working_groups WHERE id = $1',
        [created.body.id],
      );
      expect(position).toBe(max);

      const edited = await put(coordinator, `/api/working-groups/${created.body.id}`, {
        ...group(await partnerIds('BGI'), 'WG4'),
        title: bilingual('Data sharing and reuse'),
        dimensions: [{ title: bilingual('Reuse'), focus: bilingual('Secondary use'), goal: bilingual('Guidance') }],
      });
      expect(edited.status).toBe(200);
      expect(edited.body.title.en).toBe('Data sharing and reuse');
      expect(edited.body.dimensions.map((d: { title: { en: string } }) => d.title.en)).toEqual(['Reuse']);
      expect(edited.body.guidingPartners.map((p: { shortName: string }) => p.shortName)).toEqual(['BGI']);
      const project = (await coordinator.get(`/api/projects/${projectId}`)).body;
      expect(project.partners.find((p: { shortName: string }) => p.shortName === 'BGI').guides).toContain('WG4');
    });

    it('refuses everyone but coordinators (403), and names the field of bad input (400)', async () => {
      const partners = await partnerIds('UCSC');
      expect((await coChair.post(`/api/projects/${projectId}/working-groups`, group(partners, 'WG9'))).status).toBe(
        403,
      );
      const [wg1] = await t.dataSource.query("SELECT id FROM working_groups WHERE code = 'WG1'");
      expect((await put(coChair, `/api/working-groups/${wg1.id}`, group(partners, 'WG1'))).status).toBe(403);
      expect((await put(expert, `/api/working-groups/${wg1.id}`, group(partners, 'WG1'))).status).toBe(403);

      const field = async (body: unknown) => {
        const response = await coordinator.post(`/api/projects/${projectId}/working-groups`, body);
        expect(response.status).toBe(400);
        return fieldsOf(response.body);
      };
      expect(await field(group(partners, 'WG1'))).toEqual(['code']);
      expect(await field(group(partners, ''))).toEqual(['code']);
      expect(await field({ ...group(partners, 'WG8'), title: { en: 'Only English' } })).toEqual(['title.zh']);
      expect(await field({ ...group(partners, 'WG8'), dimensions: [{ title: bilingual('x') }] })).toEqual(
        expect.arrayContaining(['dimensions.0.focus', 'dimensions.0.goal']),
      );
      expect(await field(group(['not-a-uuid'], 'WG8'))).toEqual(['guidingPartnerIds']);
      expect(await field(group(['00000000-0000-4000-8000-000000000000'], 'WG8'))).toEqual(['guidingPartnerIds']);
      expect(await field(group([partners[0], partners[0]], 'WG8'))).toEqual(['guidingPartnerIds']);
      expect(
        (await put(coordinator, '/api/working-groups/00000000-0000-4000-8000-000000000000', group([]))).status,
      ).toBe(404);
    });
  });

  describe('partners', () => {
    it('lets a coordinator add a partner with its people and country, and change them', async () => {
      const people: Array<{ id: string }> = await t.dataSource.query(
        "SELECT id FROM people WHERE email IN ('expert10@example.org', 'wg1-expert@example.org') ORDER BY email",
      );
      const created = await coordinator.post(`/api/projects/${projectId}/partners`, {
        shortName: 'Charité',
        fullName: 'Charité – Universitätsmedizin Berlin',
        country: 'DE',
        personIds: people.map((p) => p.id),
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ shortName: 'Charité', country: 'DE' });
      expect(created.body.people.map((p: { id: string }) => p.id).sort()).toEqual(people.map((p) => p.id).sort());
      const profile = (await coordinator.get(`/api/people/${people[0].id}`)).body;
      expect(profile.partner.shortName).toBe('Charité');

      const changed = await put(coordinator, `/api/partners/${created.body.id}`, {
        shortName: 'Charité',
        fullName: 'Charité Berlin',
        country: 'DE',
        personIds: [people[1].id],
      });
      expect(changed.status).toBe(200);
      expect(changed.body.people.map((p: { id: string }) => p.id)).toEqual([people[1].id]);
      const [{ partner_id }] = await t.dataSource.query('SELECT partner_id FROM people WHERE id = $1', [people[0].id]);
      expect(partner_id).toBeNull();
      const listed = (await expert.get(`/api/projects/${projectId}/partners`)).body;
      expect(listed.find((p: { id: string }) => p.id === created.body.id).fullName).toBe('Charité Berlin');
    });

    it('refuses others (403) and names the field of bad input (400)', async () => {
      const body = { shortName: 'X', fullName: 'X Institute', country: 'IT', personIds: [] };
      expect((await coChair.post(`/api/projects/${projectId}/partners`, body)).status).toBe(403);
      const [ucsc] = await partnerIds('UCSC');
      expect((await put(expert, `/api/partners/${ucsc}`, body)).status).toBe(403);
      const field = async (patch: object) => {
        const response = await coordinator.post(`/api/projects/${projectId}/partners`, { ...body, ...patch });
        expect(response.status).toBe(400);
        return fieldsOf(response.body);
      };
      expect(await field({ country: 'XX' })).toEqual(['country']);
      expect(await field({ shortName: '   ' })).toEqual(['shortName']);
      expect(await field({ shortName: 'ucsc' })).toEqual(['shortName']);
      expect(await field({ personIds: ['00000000-0000-4000-8000-000000000000'] })).toEqual(['personIds']);
      expect(await field({ personIds: 'everyone' })).toEqual(['personIds']);
    });
  });

  describe('term end dates', () => {
    it('shows the term on the group page; a passed term shows as ended and keeps the membership', async () => {
      const [wg1] = await t.dataSource.query("SELECT id FROM working_groups WHERE code = 'WG1'");
      const [person] = await t.dataSource.query("SELECT id FROM people WHERE email = 'wg1-expert@example.org'");
      const path = `/api/working-groups/${wg1.id}/members/${person.id}/term`;
      const set = await put(coordinator, path, { termEndsOn: '2099-12-31' });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ termEndsOn: '2099-12-31', term: 'running' });

      await t.dataSource.query(
        "UPDATE memberships SET joined_on = '2020-01-01' WHERE working_group_id = $1 AND person_id = $2 AND left_on IS NULL",
        [wg1.id, person.id],
      );
      expect((await put(coordinator, path, { termEndsOn: '2021-06-30' })).body.term).toBe('ended');
      const member = (await expert.get(`/api/working-groups/${wg1.id}`)).body.members.find(
        (m: { personId: string }) => m.personId === person.id,
      );
      expect(member).toMatchObject({ termEndsOn: '2021-06-30', term: 'ended' });

      const cleared = await put(coordinator, path, {});
      expect(cleared.body).toMatchObject({ termEndsOn: null, term: null });
    });

    it('warns ahead when a co-chair’s term is about to end, without ending it', async () => {
      const [wg1] = await t.dataSource.query("SELECT id FROM working_groups WHERE code = 'WG1'");
      const [chair] = await t.dataSource.query("SELECT id FROM people WHERE email = 'wg1-eu-cochair@example.org'");
      const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      const response = await put(coordinator, `/api/working-groups/${wg1.id}/members/${chair.id}/term`, {
        termEndsOn: soon,
      });
      expect(response.body).toMatchObject({ role: 'co-chair', term: 'ending-soon', leftOn: null });
    });

    it('is for coordinators only, and names termEndsOn when it is not a date or before the membership', async () => {
      const [wg1] = await t.dataSource.query("SELECT id FROM working_groups WHERE code = 'WG1'");
      const [person] = await t.dataSource.query("SELECT id FROM people WHERE email = 'wg1-observer@example.org'");
      const path = `/api/working-groups/${wg1.id}/members/${person.id}/term`;
      expect((await put(coChair, path, { termEndsOn: '2099-01-01' })).status).toBe(403);
      for (const termEndsOn of ['2099-02-30', 'soon', '1999-01-01']) {
        const response = await put(coordinator, path, { termEndsOn });
        expect(response.status).toBe(400);
        expect(fieldsOf(response.body)).toEqual(['termEndsOn']);
      }
      expect(
        (await put(coordinator, `/api/working-groups/${wg1.id}/members/00000000-0000-4000-8000-000000000000/term`, {}))
          .status,
      ).toBe(404);
    });
  });

  describe('balance report', () => {
    it('stores a headcount target and shows it against the count under the filters', async () => {
      expect((await put(expert, `/api/projects/${projectId}/headcount-target`, { headcount: 35 })).status).toBe(403);
      for (const headcount of [0, 2.5, '35']) {
        const bad = await put(coordinator, `/api/projects/${projectId}/headcount-target`, { headcount });
        expect(bad.status).toBe(400);
        expect(bad.body.fields[0].field).toBe('headcount');
      }
      expect((await put(coordinator, `/api/projects/${projectId}/headcount-target`, { headcount: 35 })).body).toEqual({
        headcount: 35,
      });
      const all = (await expert.get(`/api/projects/${projectId}/balance`)).body;
      const [{ n }] = await t.dataSource.query(
        `SELECT count(DISTINCT m.person_id)::int AS n FROM memberships m JOIN working_groups wg ON wg.id = m.working_group_id
          WHERE m.left_on IS NULL AND wg.project_id = $1`,
        [projectId],
      );
      expect(all.headcount).toEqual({ target: 35, actual: n });
      expect(all.filters).toEqual({ excludeCoChairs: false, excludeObservers: false });

      const [{ experts }] = await t.dataSource.query(
        `SELECT count(DISTINCT m.person_id)::int AS experts FROM memberships m JOIN working_groups wg ON wg.id = m.working_group_id
          WHERE m.left_on IS NULL AND wg.project_id = $1 AND m.role = 'expert'`,
        [projectId],
      );
      const filtered = (
        await expert.get(`/api/projects/${projectId}/balance?excludeCoChairs=true&excludeObservers=true`)
      ).body;
      expect(filtered.headcount.actual).toBe(experts);
      expect(filtered.headcount.actual).toBeLessThan(n);
      expect(filtered.groups.find((g: { code: string }) => g.code === 'ALL').total).toBe(experts);

      const bad = await expert.get(`/api/projects/${projectId}/balance?excludeCoChairs=yes`);
      expect(bad.status).toBe(400);
      expect(bad.body.fields[0].field).toBe('excludeCoChairs');
    });

    it('writes the CSV under the same filters, with the headcount and the open co-chair vacancies', async () => {
      const [wg2] = await t.dataSource.query("SELECT id FROM working_groups WHERE code = 'WG2'");
      await t.dataSource.query(
        "INSERT INTO co_chair_vacancies (working_group_id, region, reason) VALUES ($1, 'china', 'Seat left for the next call')",
        [wg2.id],
      );
      const csv = (await expert.get(`/api/projects/${projectId}/balance.csv?excludeObservers=true`)).body as string;
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).toBe('group,dimension,value,count,share,target,gap,note');
      const filtered = (await expert.get(`/api/projects/${projectId}/balance?excludeObservers=true`)).body;
      expect(lines).toContain(
        `ALL,headcount,people,${filtered.headcount.actual},,35,${filtered.headcount.actual - 35},`,
      );
      expect(lines).toContain('WG2,co-chair-vacancy,china,,,,,Seat left for the next call');
      await t.dataSource.query('DELETE FROM co_chair_vacancies WHERE working_group_id = $1', [wg2.id]);
    });
  });

  describe('conflicts of interest', () => {
    let applicationId: string;
    beforeAll(async () => {
      const [wg1] = await t.dataSource.query("SELECT id FROM working_groups WHERE code = 'WG1'");
      const call = await coordinator.post('/api/calls', {
        projectId,
        title: bilingual('Call'),
        description: bilingual('Experts wanted'),
        eligibility: bilingual('Anyone qualified'),
        workingGroupIds: [wg1.id],
        closesAt: '2099-01-01T00:00:00Z',
      });
      [{ id: applicationId }] = await t.dataSource.query(
        `INSERT INTO applications (call_id, name, email, country, affiliation, sector, expertise, preferred_working_group_ids,
                                   motivation, conflict_of_interest, consent_gdpr, consent_pipl, submitted_from_ip, submitted_at)
         VALUES ($1, 'Applicant Placeholder', 'coi-applicant@example.net', 'FR', 'Institut Exemple', 'academia', '{genomics}',
                 $2::uuid[], 'To contribute.', 'none', true, true, '127.0.0.1', now()) RETURNING id`,
        [call.body.id, [wg1.id]],
      );
    });

    it('stores the declaration, shows it to the coordinator, withdraws the review and refuses reviews and decisions (409)', async () => {
      expect((await coChair.post(`/api/applications/${applicationId}/reviews`, { score: 4 })).status).toBe(201);
      const declared = await coChair.post(`/api/applications/${applicationId}/conflict`, {
        statement: 'The applicant works in my department.',
      });
      expect(declared.status).toBe(200);
      expect(declared.body.reviews).toEqual([]);
      expect(declared.body.conflicts).toEqual([
        expect.objectContaining({ statement: 'The applicant works in my department.', mine: true }),
      ]);

      const review = await coChair.post(`/api/applications/${applicationId}/reviews`, { score: 5 });
      expect(review.status).toBe(409);
      expect(review.body.code).toBe('CONFLICT_OF_INTEREST');
      const decision = await coChair.post(`/api/applications/${applicationId}/decision`, { decision: 'decline' });
      expect(decision.status).toBe(409);
      expect(decision.body.code).toBe('CONFLICT_OF_INTEREST');
      const [{ status }] = await t.dataSource.query('SELECT status FROM applications WHERE id = $1', [applicationId]);
      expect(status).toBe('submitted');

      const seen = (await coordinator.get(`/api/calls/${declared.body.callId}/applications`)).body.find(
        (a: { id: string }) => a.id === applicationId,
      );
      expect(seen.conflicts).toEqual([
        expect.objectContaining({ statement: 'The applicant works in my department.', mine: false }),
      ]);
      expect((await coordinator.post(`/api/applications/${applicationId}/reviews`, { score: 3 })).status).toBe(201);
    });

    it('is for the application’s reviewers only, and names statement when it is empty', async () => {
      expect((await expert.post(`/api/applications/${applicationId}/conflict`, { statement: 'x' })).status).toBe(404);
      const empty = await coordinator.post(`/api/applications/${applicationId}/conflict`, { statement: '  ' });
      expect(empty.status).toBe(400);
      expect(fieldsOf(empty.body)).toEqual(['statement']);
    });
  });
});
