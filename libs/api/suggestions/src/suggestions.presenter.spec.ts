import { userColor } from '@roundtable/domain';
import { authorsById, presentSuggestion } from './suggestions.presenter';
import type { SuggestionRow } from './suggestions.repository';

const row: SuggestionRow = {
  id: '6f1c7a8e-0000-4000-8000-000000000001',
  document_id: '6f1c7a8e-0000-4000-8000-0000000000d0',
  kind: 'insert',
  state: 'open',
  author_user_id: '6f1c7a8e-0000-4000-8000-0000000000a1',
  author_name: 'WG1 expert',
  created_at: new Date('2026-12-07T10:00:00Z'),
  decided_by_name: null,
  decided_at: null,
  thread_id: null,
  key_at: '2026-12-07 10:00:00+00',
};

test('a row is shown with its author, ISO times and no decision yet', () => {
  expect(presentSuggestion(row)).toEqual({
    id: row.id,
    documentId: row.document_id,
    kind: 'insert',
    state: 'open',
    authorUserId: row.author_user_id,
    authorName: 'WG1 expert',
    authorColor: userColor(row.author_user_id!),
    createdAt: '2026-12-07T10:00:00.000Z',
    decidedByName: null,
    decidedAt: null,
    threadId: null,
  });
});

test('an erased author shows as a dash in exports; a decision carries its time', () => {
  const erased = { ...row, author_user_id: null, author_name: null, state: 'accepted' as const };
  expect(presentSuggestion(erased).authorColor).toBeNull();
  expect(authorsById([erased]).get(row.id)).toEqual({ author: '—', date: '2026-12-07T10:00:00.000Z' });
  const decided = presentSuggestion({
    ...row,
    decided_by_name: 'WG1 co-chair',
    decided_at: new Date('2026-12-07T11:00:00Z'),
  });
  expect(decided.decidedAt).toBe('2026-12-07T11:00:00.000Z');
  expect(decided.decidedByName).toBe('WG1 co-chair');
});
