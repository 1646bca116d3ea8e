import type { Actor } from '@roundtable/domain';
import type { ProjectDocument } from '@roundtable/api-projects';
import type { Comment, CommentThread } from './comments.entities';
import { presentThread, userIdsOf } from './comments.presenter';

const document = {
  id: 'doc1',
  projectId: 'p1',
  workingGroupId: 'wg1',
  type: 'position-paper',
  lockedAt: null,
} as unknown as ProjectDocument;

const expert: Actor = {
  platformRole: 'member',
  coordinatedProjectIds: [],
  memberships: [{ projectId: 'p1', workingGroupId: 'wg1', role: 'expert' }],
};

function comment(id: string, author: string, at: string): Comment {
  return {
    id,
    threadId: 't1',
    authorUserId: author,
    body: `by ${author}`,
    createdAt: new Date(at),
    editedAt: null,
  } as Comment;
}

const thread = {
  id: 't1',
  documentId: 'doc1',
  anchorStart: { tname: 'default' },
  anchorEnd: { tname: 'default' },
  quote: 'quoted',
  status: 'resolved',
  resolvedBy: 'u3',
  resolvedAt: new Date('2026-02-03T00:00:00Z'),
  createdByUserId: 'u1',
  createdAt: new Date('2026-02-01T00:00:00Z'),
  comments: [comment('c2', 'u2', '2026-02-02T00:00:00Z'), comment('c1', 'u1', '2026-02-01T00:00:00Z')],
} as CommentThread;

describe('comment thread presenter', () => {
  it('lists every user a thread names once', () => {
    expect(userIdsOf([thread]).sort()).toEqual(['u1', 'u2', 'u3']);
  });

  it('orders comments by time and lets the viewer edit only their own', () => {
    const dto = presentThread('u2', expert, document, thread, new Map([['u1', 'WG1 co-chair']]));
    expect(dto.comments.map((c) => [c.id, c.canEdit, c.canDelete])).toEqual([
      ['c1', false, false],
      ['c2', true, true],
    ]);
    expect(dto.comments[0].authorName).toBe('WG1 co-chair');
    expect(dto.comments[1].authorName).toBe('—');
  });

  it('is detached without a resolved anchor, and lets a writer resolve', () => {
    const dto = presentThread('u9', expert, document, thread, new Map());
    expect(dto).toMatchObject({ range: null, currentText: '', detached: true, canResolve: true });
    expect(dto.resolvedAt).toBe('2026-02-03T00:00:00.000Z');
    const anchored = presentThread('u9', expert, document, thread, new Map(), {
      range: { from: 2, to: 8 },
      currentText: 'quoted',
      detached: false,
    });
    expect(anchored).toMatchObject({ range: { from: 2, to: 8 }, detached: false });
  });
});
