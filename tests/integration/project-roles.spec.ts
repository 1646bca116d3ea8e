import { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

describe('project-level groups: coordinators, advisory board, external reviewers', () => {
  let t: TestApp;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp();
    projectId = (await (await new HttpClient(t.baseUrl).login('coordinator@example.org')).get('/api/projects')).body[0]
      .id;
  });
  afterAll(() => t.close());

  it('lists the seeded coordinator and advisory board', async () => {
    const roles = (
      await (await new HttpClient(t.baseUrl).login('wg2-observer@example.org')).get(`/api/projects/${projectId}/roles`)
    ).body;
    expect(roles.map((r: { displayName: string; role: string }) => `${r.role}:${r.displayName}`)).toEqual([
      'advisory-board:Advisory board member (China)',
      'advisory-board:Advisory board member (EU)',
      'coordinator:Project coordinator',
    ]);
  });

  it('lets advisory board members read every document but edit none, without belonging to a WG', async () => {
    const advisor = await new HttpClient(t.baseUrl).login('advisory-eu@example.org');
    const documents = (await advisor.get('/api/documents')).body;
    expect(documents).toHaveLength(8);
    expect(documents.every((d: { access: string }) => d.access === 'read')).toBe(true);
  });

  it('lets coordinators grant and revoke roles; others get 403; bad input 400', async () => {
    const coordinator = await new HttpClient(t.baseUrl).login('coordinator@example.org');
    const [person] = await t.dataSource.query("SELECT id FROM people WHERE email = 'expert10@example.org'");
    const granted = await coordinator.post(`/api/projects/${projectId}/roles`, {
      personId: person.id,
      role: 'external-reviewer',
    });
    expect(granted.status).toBe(201);
    expect(
      granted.body.some(
        (r: { personId: string; role: string }) => r.personId === person.id && r.role === 'external-reviewer',
      ),
    ).toBe(true);
    const expert = await new HttpClient(t.baseUrl).login('wg1-expert@example.org');
    expect(
      (await expert.post(`/api/projects/${projectId}/roles`, { personId: person.id, role: 'advisory-board' })).status,
    ).toBe(403);
    expect(
      (await coordinator.post(`/api/projects/${projectId}/roles`, { personId: person.id, role: 'king' })).body.fields[0]
        .field,
    ).toBe('role');
    expect(
      (await coordinator.request('DELETE', `/api/projects/${projectId}/roles/${person.id}/external-reviewer`)).status,
    ).toBe(204);
    expect(
      (await coordinator.request('DELETE', `/api/projects/${projectId}/roles/${person.id}/external-reviewer`)).status,
    ).toBe(404);
  });

  it('shows each partner’s role: the working groups it guides', async () => {
    const project = (
      await (await new HttpClient(t.baseUrl).login('wg1-expert@example.org')).get(`/api/projects/${projectId}`)
    ).body;
    const guides = Object.fromEntries(
      project.partners.map((p: { shortName: string; guides: string[] }) => [p.shortName, p.guides]),
    );
    expect(guides).toEqual({
      BGI: ['WG2'],
      FTELE: ['WG3'],
      NCC: ['WG3'],
      S2i: ['WG2'],
      Tsinghua: ['WG1'],
      UCSC: ['WG1'],
    });
  });
});
