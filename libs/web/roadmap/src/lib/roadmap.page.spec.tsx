/** @jest-environment @happy-dom/jest-environment */
import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import type { RoadmapActionDto, RoadmapDto, RoadmapMatrixDto } from '@roundtable/contracts';
import { initI18n } from '@roundtable/web-i18n';
import { createQueryClient } from '@roundtable/web-ui';
import { RoadmapPage } from './roadmap.page';

const ACTION = (id: string, titleEn: string, extra: Partial<RoadmapActionDto> = {}): RoadmapActionDto => ({
  id,
  documentId: 'roadmap-doc',
  position: 1,
  titleEn,
  titleZh: `${titleEn}（中文）`,
  descriptionEn: `${titleEn} description`,
  descriptionZh: `${titleEn} 说明`,
  actors: ['funders'],
  startYear: null,
  endYear: null,
  horizon: 'short',
  dependsOn: [],
  recommendationIds: [],
  noRecommendationReason: 'Governance',
  updatedAt: '2026-12-07T10:00:00.000Z',
  ...extra,
});

const A = ACTION('action-a', 'Agree a framework', {
  actors: ['policy-makers'],
  startYear: 2024,
  endYear: 2025,
  horizon: null,
  // rec-gone: a recommendation removed from its paper since it was linked (not in the matrix any more).
  recommendationIds: ['rec-1', 'rec-gone'],
  noRecommendationReason: null,
});
const B = ACTION('action-b', 'Fund infrastructures', { dependsOn: ['action-a'] });

const ROADMAP: RoadmapDto = {
  documentId: 'roadmap-doc',
  documentTitleEn: 'Roadmap',
  documentTitleZh: '路线图',
  canEdit: true,
  actions: [A, B],
};

const rec = (id: string, title: string) => ({
  id,
  title,
  workingGroupCode: 'WG2',
  status: 'active' as const,
  addressee: 'funders',
  horizon: 'short',
  documentTitleEn: 'WG2 paper',
  documentTitleZh: 'WG2 文件',
});

const MATRIX: RoadmapMatrixDto = {
  rows: [
    { recommendation: rec('rec-1', 'Harmonise consent'), actions: [A], covered: true },
    { recommendation: rec('rec-2', 'Connect biobanks'), actions: [], covered: false },
  ],
  total: 2,
  uncovered: 1,
  actionsWithoutRecommendation: [{ id: B.id, titleEn: B.titleEn, titleZh: B.titleZh, reason: 'Governance' }],
};

type Call = { method: string; path: string; body: string | null };

function serve(): Call[] {
  const calls: Call[] = [];
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const request = input as Request;
    const url = new URL(request.url);
    calls.push({
      method: request.method,
      path: url.pathname,
      body: request.method === 'GET' ? null : await request.text(),
    });
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    if (url.pathname === '/api/projects') return json([{ id: 'project-1', name: 'IC2PerMed' }]);
    if (url.pathname === '/api/projects/project-1/roadmap') return json(ROADMAP);
    if (url.pathname === '/api/projects/project-1/roadmap/matrix') return json(MATRIX);
    if (url.pathname === '/api/roadmap-actions/action-a' && request.method === 'PATCH')
      return json(
        {
          statusCode: 409,
          code: 'CONFLICT',
          message:
            'These dependencies would make a cycle: Agree a framework → Fund infrastructures → Agree a framework.',
          fields: [{ field: 'dependsOn', message: 'cycle: action-a → action-b → action-a' }],
        },
        409,
      );
    if (url.pathname === '/api/projects/project-1/roadmap/actions') return json(ACTION('action-c', 'New'), 201);
    return json({ statusCode: 404, code: 'NOT_FOUND', message: 'no' }, 404);
  };
  return calls;
}

function renderPage() {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={['/roadmap']}>
        <RoadmapPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('RoadmapPage', () => {
  it('lists the actions, places them on the timeline by actor, and highlights uncovered recommendations', async () => {
    initI18n('en');
    serve();
    renderPage();
    const actions = await screen.findAllByTestId('roadmap-action', undefined, { timeout: 10_000 });
    expect(actions).toHaveLength(2);
    expect(actions[0].textContent).toContain('Policy makers');
    expect(actions[0].textContent).toContain('2024–2025');
    expect(actions[1].textContent).toContain('Depends on: Agree a framework');
    expect(actions[1].textContent).toContain('No recommendation: Governance');
    const lanes = screen.getAllByTestId('roadmap-timeline-actor').map((lane) => lane.textContent);
    expect(lanes).toEqual(['Policy makers', 'Funders']);
    const bars = screen.getAllByTestId('roadmap-timeline-bar');
    // Years 2024–2025 are the first two columns (after the actor column): the bar spans both.
    expect(bars[0].style.gridColumn).toBe('2 / span 2');
    // A short-term action sits in the first horizon column, after the year columns.
    expect(bars[1].style.gridColumn).toBe('4 / span 1');
    const matrix = await screen.findByTestId('roadmap-matrix');
    const uncovered = within(matrix).getAllByTestId('roadmap-matrix-uncovered');
    expect(uncovered).toHaveLength(1);
    expect(uncovered[0].textContent).toContain('Connect biobanks');
    expect(uncovered[0].className).not.toBe('');
    expect(within(matrix).getByTestId('roadmap-matrix-covered').textContent).toContain('Agree a framework');
    expect(screen.getByTestId('roadmap-uncovered-count').textContent).toBe(
      'Not covered by any action yet: 1 of 2 recommendations.',
    );
  });

  it('creates an action with a recommendation, and names a refused cycle with the actions’ titles', async () => {
    initI18n('en');
    const calls = serve();
    renderPage();
    await screen.findAllByTestId('roadmap-action', undefined, { timeout: 10_000 });
    await screen.findByTestId('roadmap-matrix');
    fireEvent.click(screen.getByTestId('roadmap-add'));
    const editor = screen.getByTestId('roadmap-editor');
    fireEvent.change(within(editor).getByTestId('roadmap-titleEn'), { target: { value: 'New' } });
    fireEvent.change(within(editor).getByTestId('roadmap-titleZh'), { target: { value: '新' } });
    fireEvent.click(within(editor).getByTestId('roadmap-actor-funders'));
    fireEvent.click(within(editor).getByTestId('roadmap-implements-rec-2'));
    fireEvent.click(within(editor).getByTestId('roadmap-save'));
    await until(() => calls.some((c) => c.method === 'POST'));
    expect(JSON.parse(calls.find((c) => c.method === 'POST')!.body!)).toEqual({
      titleEn: 'New',
      titleZh: '新',
      descriptionEn: '',
      descriptionZh: '',
      actors: ['funders'],
      startYear: null,
      endYear: null,
      horizon: 'short',
      dependsOn: [],
      recommendationIds: ['rec-2'],
      noRecommendationReason: null,
    });

    fireEvent.click(screen.getAllByTestId('roadmap-edit')[0]);
    const edit = await screen.findByTestId('roadmap-editor');
    const stale = within(edit).getByTestId('roadmap-implements-rec-gone') as HTMLInputElement;
    expect(stale.checked).toBe(true);
    expect(stale.parentElement?.textContent).toBe('A recommendation no longer active (merged or removed): rec-gone');
    fireEvent.click(stale);
    fireEvent.click(within(edit).getByTestId('roadmap-depends-action-b'));
    fireEvent.click(within(edit).getByTestId('roadmap-save'));
    const error = await screen.findByTestId('roadmap-save-error');
    expect(JSON.parse(calls.find((c) => c.method === 'PATCH')!.body!)).toMatchObject({
      dependsOn: ['action-b'],
      recommendationIds: ['rec-1'],
    });
    expect(error.textContent).toBe(
      'These dependencies would make a cycle: Agree a framework → Fund infrastructures → Agree a framework.',
    );
  });

  it('speaks Chinese', async () => {
    await initI18n('en').changeLanguage('zh-CN');
    serve();
    renderPage();
    const actions = await screen.findAllByTestId('roadmap-action', undefined, { timeout: 10_000 });
    expect(actions[0].textContent).toContain('Agree a framework（中文）');
    expect(actions[0].textContent).toContain('政策制定者');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('路线图');
    expect((await screen.findByTestId('roadmap-uncovered-count')).textContent).toBe(
      '2 项建议中有 1 项尚未被任何行动覆盖。',
    );
    await initI18n('en').changeLanguage('en');
  });
});
