/** @jest-environment @happy-dom/jest-environment */
import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { initI18n } from '@roundtable/web-i18n';
import { createQueryClient } from '@roundtable/web-ui';
import { MemberTerm } from './member-term';

function serve() {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const request = input as Request;
    const text = await request.text();
    calls.push({ method: request.method, path: new URL(request.url).pathname, body: text ? JSON.parse(text) : null });
    return new Response(JSON.stringify({}), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return calls;
}

const props = {
  groupId: 'group-1',
  personId: 'person-1',
  displayName: 'Co-chair One',
  role: 'co-chair' as const,
};

beforeAll(() => initI18n('en'));

describe('MemberTerm', () => {
  it('warns a coordinator ahead when a co-chair’s term ends soon, and shows an ended term to everyone', () => {
    const { rerender } = render(
      <QueryClientProvider client={createQueryClient()}>
        <MemberTerm {...props} termEndsOn="2027-03-31" term="ending-soon" canSet />
      </QueryClientProvider>,
    );
    expect(screen.getByTestId('member-term').textContent).toContain('name a successor or record a vacancy');
    rerender(
      <QueryClientProvider client={createQueryClient()}>
        <MemberTerm {...props} termEndsOn="2027-03-31" term="ended" canSet={false} />
      </QueryClientProvider>,
    );
    expect(screen.getByTestId('member-term').getAttribute('data-term')).toBe('ended');
    expect(screen.getByTestId('member-term').textContent).toContain('term ended');
    expect(screen.queryByTestId('member-term-edit')).toBeNull();
  });

  it('lets a coordinator set the term end date', async () => {
    const calls = serve();
    render(
      <QueryClientProvider client={createQueryClient()}>
        <MemberTerm {...props} termEndsOn={null} term={null} canSet />
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByTestId('member-term-edit'));
    fireEvent.change(screen.getByTestId('member-term-date'), { target: { value: '2028-06-30' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('member-term-save'));
    });
    expect(calls).toEqual([
      {
        method: 'PUT',
        path: '/api/working-groups/group-1/members/person-1/term',
        body: { termEndsOn: '2028-06-30' },
      },
    ]);
  });
});
