/** @jest-environment @happy-dom/jest-environment */
import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MeetingDto, MinutesDto } from '@roundtable/contracts';
import { initI18n } from '@roundtable/web-i18n';
import { createQueryClient } from '@roundtable/web-ui';
import { fakeApi } from '../fake-api.testing';
import { meetingKeys } from '../meetings.queries';
import { ActionItemForm, DecisionForm } from './item.forms';

const MINUTES = { id: 'minutes-1', meetingId: 'meeting-1', canEditItems: true } as MinutesDto;

const MEETING = {
  id: 'meeting-1',
  agenda: [{ id: 'agenda-1', position: 1, title: 'Biobanks', presenterPersonId: null, presenterName: null }],
  invitees: [{ personId: 'person-1', displayName: 'WG1 expert', timeZone: 'Europe/Rome' }],
} as unknown as MeetingDto;

const VALIDATION_FAILED = (field: string, code: string, params: Record<string, unknown>, message: string) => ({
  status: 400,
  body: {
    statusCode: 400,
    code: 'VALIDATION_FAILED',
    message: 'Invalid input',
    fields: [{ field, code, params, message }],
  },
});

function renderWithClient(ui: React.ReactElement) {
  const queryClient = createQueryClient();
  // The minutes on screen: adding an item must mark them stale so the page shows it.
  queryClient.setQueryData(meetingKeys.minutes('minutes-1'), MINUTES);
  render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
  return queryClient;
}

beforeAll(() => initI18n('en'));

describe('DecisionForm', () => {
  it('sends the trimmed text and the chosen agenda item, empties the form and refetches the minutes', async () => {
    const calls = fakeApi(({ method, path }) => {
      if (method === 'GET' && path === '/api/meetings/meeting-1') return { status: 200, body: MEETING };
      if (method === 'POST' && path === '/api/minutes/minutes-1/decisions') return { status: 201, body: {} };
      return { status: 200, body: MINUTES };
    });
    const queryClient = renderWithClient(<DecisionForm minutes={MINUTES} />);
    await screen.findByRole('option', { name: 'Biobanks' });
    fireEvent.change(screen.getByLabelText('New decision'), { target: { value: '  Share the protocol  ' } });
    fireEvent.change(screen.getByTestId('decision-agenda'), { target: { value: 'agenda-1' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('decision-add'));
    });
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      text: 'Share the protocol',
      agendaItemId: 'agenda-1',
    });
    await waitFor(() => expect((screen.getByTestId('decision-text') as HTMLInputElement).value).toBe(''));
    expect(queryClient.getQueryState(meetingKeys.minutes('minutes-1'))?.isInvalidated).toBe(true);
  });

  it("shows the server's error beside the text field in the reader's language and keeps what was typed", async () => {
    fakeApi(({ method }) =>
      method === 'POST'
        ? VALIDATION_FAILED('text', 'isNotEmpty', {}, 'text should not be empty')
        : { status: 200, body: MEETING },
    );
    renderWithClient(<DecisionForm minutes={MINUTES} />);
    const text = screen.getByLabelText('New decision');
    fireEvent.change(text, { target: { value: '   ' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('decision-add'));
    });
    const error = await screen.findByTestId('field-error');
    expect(error.textContent).not.toContain('should not be empty');
    expect(error.textContent).toContain('This field is required.');
    expect(text.getAttribute('aria-invalid')).toBe('true');
    expect(error.id).toBe(text.getAttribute('aria-describedby'));
    expect((text as HTMLInputElement).value).toBe('   ');
  });
});

describe('ActionItemForm', () => {
  it('sends what, whose (among the invitees), by when and the agenda item, then empties the form', async () => {
    const calls = fakeApi(({ method, path }) => {
      if (method === 'GET' && path === '/api/meetings/meeting-1') return { status: 200, body: MEETING };
      if (method === 'POST' && path === '/api/minutes/minutes-1/actions') return { status: 201, body: {} };
      return { status: 200, body: MINUTES };
    });
    renderWithClient(<ActionItemForm minutes={MINUTES} />);
    await screen.findByRole('option', { name: 'WG1 expert' });
    fireEvent.change(screen.getByLabelText('New action item'), { target: { value: 'Send the comparison' } });
    fireEvent.change(screen.getByLabelText('Owner'), { target: { value: 'person-1' } });
    fireEvent.change(screen.getByLabelText('Due on'), { target: { value: '2099-01-15' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-add'));
    });
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      text: 'Send the comparison',
      ownerPersonId: 'person-1',
      dueOn: '2099-01-15',
      agendaItemId: null,
    });
    await waitFor(() => expect((screen.getByLabelText('Owner') as HTMLSelectElement).value).toBe(''));
  });

  it('puts an error about the owner beside the owner field', async () => {
    fakeApi(({ method }) =>
      method === 'POST'
        ? VALIDATION_FAILED('ownerPersonId', 'isUuid', {}, 'ownerPersonId must be a UUID')
        : { status: 200, body: MEETING },
    );
    renderWithClient(<ActionItemForm minutes={MINUTES} />);
    fireEvent.change(screen.getByLabelText('New action item'), { target: { value: 'Send the comparison' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-add'));
    });
    const error = await screen.findByTestId('field-error');
    expect(screen.getByLabelText('Owner').getAttribute('aria-describedby')).toBe(error.id);
    expect(error.textContent).not.toContain('UUID');
    expect(screen.getByTestId('form-error')).toBeTruthy();
  });
});
