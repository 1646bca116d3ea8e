/** @jest-environment @happy-dom/jest-environment */
import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import type { RecommendationDto, RecommendationPairDto } from '@roundtable/contracts';
import { initI18n } from '@roundtable/web-i18n';
import { createQueryClient } from '@roundtable/web-ui';
import { RecommendationsPage } from './recommendations.page';

const REC = (id: string, title: string, code: string, extra: Partial<RecommendationDto> = {}): RecommendationDto => ({
  id,
  title,
  body: `${title} body`,
  addressee: 'funders',
  horizon: 'long',
  priority: 'high',
  frameworks: ['icpermed-p2'],
  position: 0,
  status: 'active',
  canonicalId: null,
  revision: 1,
  updatedAt: '2026-12-07T10:00:00.000Z',
  documentId: `doc-${code}`,
  documentTitleEn: `${code} paper`,
  documentTitleZh: `${code} 文件`,
  workingGroupId: `group-${code}`,
  workingGroupCode: code,
  ...extra,
});

const A = REC('rec-a', 'Fund data infrastructures', 'WG2');
const B = REC('rec-b', '资助数据基础设施', 'WG3');
const PAIR: RecommendationPairDto = {
  id: 'pair-1',
  status: 'open',
  score: 0.61,
  trigram: 0.5,
  words: 0.72,
  a: A,
  b: B,
  canDecide: true,
};

function serve(): Array<{ method: string; path: string; search: string; body: string | null }> {
  const calls: Array<{ method: string; path: string; search: string; body: string | null }> = [];
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const request = input as Request;
    const url = new URL(request.url);
    calls.push({
      method: request.method,
      path: url.pathname,
      search: url.search,
      body: request.method === 'GET' ? null : await request.text(),
    });
    const json = (body: unknown, status = 200) =>
      new Response(status === 204 ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    if (url.pathname === '/api/projects') return json([{ id: 'project-1', name: 'IC2PerMed' }]);
    if (url.pathname === '/api/working-groups') return json([{ id: 'group-WG2', code: 'WG2', projectId: 'project-1' }]);
    if (url.pathname === '/api/projects/project-1/recommendations') return json([A, B]);
    if (url.pathname === '/api/projects/project-1/recommendations/duplicates') return json([PAIR]);
    if (url.pathname === '/api/recommendation-pairs/pair-1/decision') return json(null, 204);
    return json({ statusCode: 404, code: 'NOT_FOUND', message: 'no' }, 404);
  };
  return calls;
}

function renderPage() {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={['/recommendations?horizon=long']}>
        <RecommendationsPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('RecommendationsPage', () => {
  it('lists the registry with translated attributes, passes the filters, and lets a co-chair mark a candidate pair', async () => {
    initI18n('en');
    const calls = serve();
    renderPage();
    const items = await screen.findAllByTestId('recommendation-item', undefined, { timeout: 10_000 });
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByText('Fund data infrastructures')).toBeTruthy();
    expect(items[0].textContent).toContain('Funders');
    expect(items[0].textContent).toContain('Long term');
    expect(calls.find((c) => c.path === '/api/projects/project-1/recommendations')?.search).toContain('horizon=long');
    const pair = await screen.findByTestId('duplicate-pair');
    expect(pair.textContent).toContain('Similarity 0.61');
    fireEvent.click(within(pair).getByTestId('pair-duplicate'));
    await screen.findByTestId('duplicate-pair');
    await new Promise<void>((resolve) => {
      const check = () => (calls.some((c) => c.path.endsWith('/decision')) ? resolve() : setTimeout(check, 20));
      check();
    });
    expect(calls.find((c) => c.path.endsWith('/decision'))?.body).toBe(JSON.stringify({ decision: 'duplicate' }));
  });

  it('speaks Chinese', async () => {
    await initI18n('en').changeLanguage('zh-CN');
    serve();
    renderPage();
    const items = await screen.findAllByTestId('recommendation-item', undefined, { timeout: 10_000 });
    expect(items[0].textContent).toContain('资助方');
    expect(items[0].textContent).toContain('长期');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('建议');
    await initI18n('en').changeLanguage('en');
  });
});
