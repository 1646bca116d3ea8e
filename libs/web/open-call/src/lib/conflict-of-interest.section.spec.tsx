/** @jest-environment @happy-dom/jest-environment */
import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ApplicationDto } from '@roundtable/contracts';
import { initI18n } from '@roundtable/web-i18n';
import { createQueryClient } from '@roundtable/web-ui';
import { ConflictOfInterestSection } from './conflict-of-interest.section';

const APPLICATION: ApplicationDto = {
  id: 'application-1',
  callId: 'call-1',
  name: 'Applicant Placeholder',
  email: 'applicant@example.net',
  country: 'FR',
  region: 'europe',
  affiliation: 'Institut Exemple',
  sector: 'academia',
  expertise: [],
  preferredWorkingGroups: [{ id: 'group-1', code: 'WG1' }],
  motivation: 'To contribute.',
  conflictOfInterest: 'none',
  status: 'submitted',
  submittedAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  reviews: [],
  averageScore: null,
  conflicts: [],
};

function serve(answer: () => { status: number; body: unknown }) {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const request = input as Request;
    const text = await request.text();
    calls.push({ method: request.method, path: new URL(request.url).pathname, body: text ? JSON.parse(text) : null });
    const { status, body } = answer();
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
  return calls;
}

beforeAll(() => initI18n('en'));

describe('ConflictOfInterestSection', () => {
  it('declares a conflict only after confirming, with the statement trimmed', async () => {
    const calls = serve(() => ({ status: 200, body: APPLICATION }));
    window.confirm = jest.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    render(
      <QueryClientProvider client={createQueryClient()}>
        <ConflictOfInterestSection application={APPLICATION} />
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByTestId('conflict-declare'));
    fireEvent.change(screen.getByTestId('conflict-statement'), { target: { value: '  My former student  ' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('conflict-submit'));
    });
    expect(calls).toEqual([]);
    await act(async () => {
      fireEvent.click(screen.getByTestId('conflict-submit'));
    });
    expect(calls).toEqual([
      { method: 'POST', path: '/api/applications/application-1/conflict', body: { statement: 'My former student' } },
    ]);
  });

  it('lists the declarations and tells the reviewer who declared one that they no longer review', () => {
    render(
      <QueryClientProvider client={createQueryClient()}>
        <ConflictOfInterestSection
          application={{
            ...APPLICATION,
            conflicts: [
              {
                reviewerName: 'Co-chair One',
                statement: 'Same department',
                declaredAt: '2026-12-02T09:00:00.000Z',
                mine: true,
              },
            ],
          }}
        />
      </QueryClientProvider>,
    );
    expect(screen.getByTestId('declared-conflict').textContent).toContain('Same department');
    expect(screen.getByTestId('conflict-mine').textContent).toContain('You declared a conflict of interest');
    expect(screen.queryByTestId('conflict-declare')).toBeNull();
  });
});
