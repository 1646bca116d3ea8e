import type { WorkingGroupRole } from '@roundtable/contracts';
import {
  can,
  canComment,
  canSuggest,
  documentAccess,
  type Actor,
  type DocumentAccess,
  type DocumentRef,
} from './access-policy';

// Project P has working groups A and B; project Q is another project with its own group X.
const P = 'project-p';
const Q = 'project-q';
const WG_A = 'wg-a';
const WG_B = 'wg-b';
const WG_X = 'wg-x';

const documents = {
  'WG A doc': { projectId: P, workingGroupId: WG_A },
  'WG B doc': { projectId: P, workingGroupId: WG_B },
  'project-level doc': { projectId: P, workingGroupId: null },
  'doc of another project': { projectId: Q, workingGroupId: WG_X },
} satisfies Record<string, DocumentRef>;
type DocumentName = keyof typeof documents;

function member(...memberships: Array<[projectId: string, workingGroupId: string, role: WorkingGroupRole]>): Actor {
  return {
    platformRole: 'member',
    coordinatedProjectIds: [],
    memberships: memberships.map(([projectId, workingGroupId, role]) => ({ projectId, workingGroupId, role })),
  };
}

const actors = {
  admin: { platformRole: 'admin', coordinatedProjectIds: [], memberships: [] },
  'coordinator of the project': { platformRole: 'coordinator', coordinatedProjectIds: [P], memberships: [] },
  'coordinator of another project': { platformRole: 'coordinator', coordinatedProjectIds: [Q], memberships: [] },
  'co-chair of WG A': member([P, WG_A, 'co-chair']),
  'expert of WG A': member([P, WG_A, 'expert']),
  'observer of WG A': member([P, WG_A, 'observer']),
  'expert of another project only': member([Q, WG_X, 'expert']),
  'observer of another project only': member([Q, WG_X, 'observer']),
  nobody: member(),
} satisfies Record<string, Actor>;
type ActorName = keyof typeof actors;

// Columns: WG A doc | WG B doc | project-level doc | doc of another project (a doc of Q's group X).
const expected: Record<ActorName, [DocumentAccess, DocumentAccess, DocumentAccess, DocumentAccess]> = {
  admin: ['write', 'write', 'write', 'write'],
  'coordinator of the project': ['write', 'write', 'write', 'none'],
  'coordinator of another project': ['none', 'none', 'none', 'write'],
  'co-chair of WG A': ['write', 'read', 'write', 'none'],
  'expert of WG A': ['write', 'read', 'write', 'none'],
  'observer of WG A': ['read', 'read', 'read', 'none'],
  'expert of another project only': ['none', 'none', 'none', 'write'],
  'observer of another project only': ['none', 'none', 'none', 'read'],
  nobody: ['none', 'none', 'none', 'none'],
};

const documentNames = Object.keys(documents) as DocumentName[];
const matrix = (Object.keys(expected) as ActorName[]).flatMap((actor) =>
  documentNames.map((document, column) => ({ actor, document, access: expected[actor][column] })),
);

describe('documentAccess matrix', () => {
  test('the matrix covers every actor × document cell', () => {
    expect(matrix).toHaveLength(Object.keys(actors).length * documentNames.length);
  });

  test.each(matrix)('$actor → $document: $access', ({ actor, document, access }) => {
    expect(documentAccess(actors[actor], documents[document])).toBe(access);
  });
});

describe('documentAccess edge cases', () => {
  test('the coordinator platform role alone grants nothing on projects the actor does not coordinate', () => {
    const actor: Actor = { platformRole: 'coordinator', coordinatedProjectIds: [], memberships: [] };
    for (const document of Object.values(documents)) expect(documentAccess(actor, document)).toBe('none');
  });

  test('a coordinator of the project who is also an observer of WG A still writes everything in it', () => {
    const actor: Actor = { ...member([P, WG_A, 'observer']), platformRole: 'coordinator', coordinatedProjectIds: [P] };
    expect(documentAccess(actor, documents['WG A doc'])).toBe('write');
    expect(documentAccess(actor, documents['WG B doc'])).toBe('write');
    expect(documentAccess(actor, documents['project-level doc'])).toBe('write');
  });

  test('a coordinator of the project who also observes in another project only reads there', () => {
    const actor: Actor = { ...member([Q, WG_X, 'observer']), platformRole: 'coordinator', coordinatedProjectIds: [P] };
    expect(documentAccess(actor, documents['doc of another project'])).toBe('read');
  });

  test('an admin writes even documents of projects they have no membership in', () => {
    const admin: Actor = {
      platformRole: 'admin',
      coordinatedProjectIds: [],
      memberships: [{ projectId: Q, workingGroupId: WG_X, role: 'observer' }],
    };
    expect(documentAccess(admin, documents['doc of another project'])).toBe('write');
    expect(documentAccess(admin, { projectId: 'unknown', workingGroupId: null })).toBe('write');
  });

  test('an observer of WG A who is an expert of WG B writes WG B and project-level documents but only reads WG A', () => {
    const actor = member([P, WG_A, 'observer'], [P, WG_B, 'expert']);
    expect(documentAccess(actor, documents['WG A doc'])).toBe('read');
    expect(documentAccess(actor, documents['WG B doc'])).toBe('write');
    expect(documentAccess(actor, documents['project-level doc'])).toBe('write');
    expect(documentAccess(actor, documents['doc of another project'])).toBe('none');
  });

  test('editor rights in another project do not leak into this project', () => {
    const actor = member([Q, WG_X, 'co-chair'], [P, WG_A, 'observer']);
    expect(documentAccess(actor, documents['WG A doc'])).toBe('read');
    expect(documentAccess(actor, documents['project-level doc'])).toBe('read');
    expect(documentAccess(actor, documents['doc of another project'])).toBe('write');
  });

  test('a working-group id shared across projects is matched together with its project', () => {
    // Same working-group id in another project: must not count as membership of P's group.
    const actor = member([Q, WG_A, 'co-chair']);
    expect(documentAccess(actor, documents['WG A doc'])).toBe('none');
    expect(documentAccess(actor, documents['project-level doc'])).toBe('none');
  });

  test('co-chairs and experts of one group write that group but only read other groups of the same project', () => {
    for (const role of ['co-chair', 'expert'] as const) {
      const actor = member([P, WG_B, role]);
      expect(documentAccess(actor, documents['WG B doc'])).toBe('write');
      expect(documentAccess(actor, documents['WG A doc'])).toBe('read');
    }
  });
});

describe('canSuggest (ADR 040)', () => {
  const wgA = documents['WG A doc'];

  it('lets exactly those who may edit a document suggest in it and accept or reject suggestions', () => {
    for (const name of Object.keys(actors) as Array<keyof typeof actors>) {
      for (const [docName, document] of Object.entries(documents)) {
        const edits = documentAccess(actors[name], document) === 'write';
        for (const action of ['suggest', 'decide'] as const)
          expect([name, docName, action, canSuggest(actors[name], action, document)]).toEqual([
            name,
            docName,
            action,
            edits,
          ]);
      }
    }
    expect(canSuggest(actors['expert of WG A'], 'suggest', wgA)).toBe(true);
  });

  it('keeps comment-only roles to comments: observers, the advisory board, readers of another group', () => {
    const advisory: Actor = {
      platformRole: 'member',
      coordinatedProjectIds: [],
      advisoryProjectIds: [P],
      memberships: [],
    };
    for (const actor of [actors['observer of WG A'], advisory, member([P, WG_B, 'expert'])]) {
      expect(canComment(actor, 'comment', wgA)).toBe(true);
      expect(canSuggest(actor, 'suggest', wgA)).toBe(false);
      expect(canSuggest(actor, 'decide', wgA)).toBe(false);
    }
  });

  it('a locked document takes no suggestions, not even from coordinators', () => {
    const locked = { ...wgA, lockedAt: new Date() };
    expect(canSuggest(actors['coordinator of the project'], 'suggest', locked)).toBe(false);
  });
});

describe('canComment', () => {
  const wgA = documents['WG A doc'];
  const other = documents['doc of another project'];

  it('lets everyone who may read a document comment on it, observers and the advisory board included', () => {
    for (const name of [
      'admin',
      'coordinator of the project',
      'co-chair of WG A',
      'expert of WG A',
      'observer of WG A',
    ] as const) {
      expect([name, canComment(actors[name], 'comment', wgA)]).toEqual([name, true]);
    }
    const advisory: Actor = {
      platformRole: 'member',
      coordinatedProjectIds: [],
      advisoryProjectIds: [P],
      memberships: [],
    };
    expect(canComment(advisory, 'comment', wgA)).toBe(true);
    // The WG B expert only reads WG A's documents, and still comments.
    expect(canComment(member([P, WG_B, 'expert']), 'comment', wgA)).toBe(true);
  });

  it('refuses comments to people who cannot read the document', () => {
    for (const name of ['coordinator of another project', 'expert of another project only', 'nobody'] as const) {
      expect([name, canComment(actors[name], 'comment', wgA)]).toEqual([name, false]);
    }
    expect(canComment(actors['observer of WG A'], 'comment', other)).toBe(false);
  });

  it('lets editors resolve any thread, readers only the threads they opened, outsiders none', () => {
    expect(canComment(actors['co-chair of WG A'], 'resolve', wgA, { openedByActor: false })).toBe(true);
    expect(canComment(actors['coordinator of the project'], 'resolve', wgA, { openedByActor: false })).toBe(true);
    expect(canComment(actors['observer of WG A'], 'resolve', wgA, { openedByActor: false })).toBe(false);
    expect(canComment(actors['observer of WG A'], 'resolve', wgA, { openedByActor: true })).toBe(true);
    expect(canComment(member([P, WG_B, 'expert']), 'resolve', wgA, { openedByActor: false })).toBe(false);
    expect(canComment(actors['expert of another project only'], 'resolve', wgA, { openedByActor: true })).toBe(false);
  });

  it('lets only the author edit a comment, even an admin may not put words in it', () => {
    expect(canComment(actors['observer of WG A'], 'edit', wgA, { authoredByActor: true })).toBe(true);
    expect(canComment(actors['admin'], 'edit', wgA, { authoredByActor: false })).toBe(false);
    expect(canComment(actors['co-chair of WG A'], 'edit', wgA, { authoredByActor: false })).toBe(false);
    expect(canComment(actors['expert of another project only'], 'edit', wgA, { authoredByActor: true })).toBe(false);
  });

  it('lets the author delete a comment, and the coordinators and the WG co-chairs moderate', () => {
    expect(canComment(actors['observer of WG A'], 'delete', wgA, { authoredByActor: true })).toBe(true);
    expect(canComment(actors['observer of WG A'], 'delete', wgA, { authoredByActor: false })).toBe(false);
    expect(canComment(actors['expert of WG A'], 'delete', wgA, { authoredByActor: false })).toBe(false);
    expect(canComment(actors['co-chair of WG A'], 'delete', wgA, { authoredByActor: false })).toBe(true);
    expect(canComment(actors['coordinator of the project'], 'delete', wgA, { authoredByActor: false })).toBe(true);
    expect(canComment(actors['admin'], 'delete', wgA, { authoredByActor: false })).toBe(true);
    // A co-chair of WG B moderates WG B's documents, not WG A's.
    expect(canComment(member([P, WG_B, 'co-chair']), 'delete', wgA, { authoredByActor: false })).toBe(false);
    expect(
      canComment(member([P, WG_B, 'co-chair']), 'delete', documents['project-level doc'], { authoredByActor: false }),
    ).toBe(true);
    expect(canComment(actors['coordinator of another project'], 'delete', wgA, { authoredByActor: true })).toBe(false);
  });
});

describe('meetings in can()', () => {
  const wgMeeting = (extra: object = {}) => ({ projectId: P, workingGroupIds: [WG_A], ...extra });
  const projectEvent = (extra: object = {}) => ({ projectId: P, workingGroupIds: [], ...extra });
  const coChairA = member([P, WG_A, 'co-chair']);
  const coChairB = member([P, WG_B, 'co-chair']);
  const expertA = member([P, WG_A, 'expert']);
  const coordinator: Actor = { platformRole: 'coordinator', coordinatedProjectIds: [P], memberships: [] };
  const advisory: Actor = {
    platformRole: 'member',
    coordinatedProjectIds: [],
    advisoryProjectIds: [P],
    memberships: [],
  };
  const outsider = member([Q, WG_X, 'co-chair']);

  it('shows a WG meeting to that group’s members, its invitees and coordinators only', () => {
    expect(can(expertA, 'meeting.read', wgMeeting())).toBe(true);
    expect(can(coordinator, 'meeting.read', wgMeeting())).toBe(true);
    expect(can(coChairB, 'meeting.read', wgMeeting())).toBe(false);
    expect(can(coChairB, 'meeting.read', wgMeeting({ invited: true }))).toBe(true);
    expect(can(advisory, 'meeting.read', wgMeeting())).toBe(false);
    expect(can(outsider, 'meeting.read', wgMeeting())).toBe(false);
  });

  it('shows a project event to everyone in the project, the advisory board included', () => {
    expect(can(coChairB, 'meeting.read', projectEvent())).toBe(true);
    expect(can(advisory, 'meeting.read', projectEvent())).toBe(true);
    expect(can(outsider, 'meeting.read', projectEvent())).toBe(false);
  });

  it('lets the group’s co-chairs and coordinators schedule; project events only coordinators', () => {
    expect(can(coChairA, 'meeting.schedule', wgMeeting())).toBe(true);
    expect(can(coordinator, 'meeting.schedule', wgMeeting())).toBe(true);
    expect(can(expertA, 'meeting.schedule', wgMeeting())).toBe(false);
    expect(can(coChairB, 'meeting.schedule', wgMeeting({ invited: true }))).toBe(false);
    expect(can(coChairA, 'meeting.schedule', projectEvent())).toBe(false);
    expect(can(coordinator, 'meeting.schedule', projectEvent())).toBe(true);
  });

  it('lets schedulers look for a time: a group’s co-chairs for it, any co-chair across groups', () => {
    expect(can(coChairA, 'meeting.findTime', wgMeeting())).toBe(true);
    expect(can(coChairB, 'meeting.findTime', wgMeeting())).toBe(false);
    expect(can(coChairB, 'meeting.findTime', projectEvent())).toBe(true);
    expect(can(expertA, 'meeting.findTime', projectEvent())).toBe(false);
    expect(can(coordinator, 'meeting.findTime', wgMeeting())).toBe(true);
  });

  it('lets only invitees answer', () => {
    expect(can(expertA, 'meeting.rsvp', wgMeeting({ invited: true }))).toBe(true);
    expect(can(expertA, 'meeting.rsvp', wgMeeting())).toBe(false);
    expect(can(coordinator, 'meeting.rsvp', wgMeeting())).toBe(false);
  });
});

describe('working-documents library (can)', () => {
  const advisory: Actor = {
    platformRole: 'member',
    coordinatedProjectIds: [],
    advisoryProjectIds: [P],
    memberships: [],
  };
  const libraryActors = { ...actors, 'advisory board of the project': advisory } satisfies Record<string, Actor>;
  type LibraryActor = keyof typeof libraryActors;
  // Columns: a WG A file | a WG B file | a project-level file | a file of another project (group X).
  const targets = [
    { projectId: P, workingGroupIds: [WG_A] },
    { projectId: P, workingGroupIds: [WG_B] },
    { projectId: P, workingGroupIds: [] },
    { projectId: Q, workingGroupIds: [WG_X] },
  ];
  type Row = [boolean, boolean, boolean, boolean];
  const expectations: Record<
    'library.upload' | 'library.edit' | 'library.delete' | 'project.read',
    Record<LibraryActor, Row>
  > = {
    'project.read': {
      admin: [true, true, true, true],
      'coordinator of the project': [true, true, true, false],
      'coordinator of another project': [false, false, false, true],
      'co-chair of WG A': [true, true, true, false],
      'expert of WG A': [true, true, true, false],
      'observer of WG A': [true, true, true, false],
      'expert of another project only': [false, false, false, true],
      'observer of another project only': [false, false, false, true],
      nobody: [false, false, false, false],
      'advisory board of the project': [true, true, true, false],
    },
    'library.upload': {
      admin: [true, true, true, true],
      'coordinator of the project': [true, true, true, false],
      'coordinator of another project': [false, false, false, true],
      'co-chair of WG A': [true, false, false, false],
      'expert of WG A': [true, false, false, false],
      'observer of WG A': [false, false, false, false],
      'expert of another project only': [false, false, false, true],
      'observer of another project only': [false, false, false, false],
      nobody: [false, false, false, false],
      'advisory board of the project': [false, false, false, false],
    },
    'library.edit': {
      admin: [true, true, true, true],
      'coordinator of the project': [true, true, true, false],
      'coordinator of another project': [false, false, false, true],
      'co-chair of WG A': [true, false, false, false],
      'expert of WG A': [false, false, false, false],
      'observer of WG A': [false, false, false, false],
      'expert of another project only': [false, false, false, false],
      'observer of another project only': [false, false, false, false],
      nobody: [false, false, false, false],
      'advisory board of the project': [false, false, false, false],
    },
    'library.delete': {
      admin: [true, true, true, true],
      'coordinator of the project': [true, true, true, false],
      'coordinator of another project': [false, false, false, true],
      'co-chair of WG A': [true, false, false, false],
      'expert of WG A': [false, false, false, false],
      'observer of WG A': [false, false, false, false],
      'expert of another project only': [false, false, false, false],
      'observer of another project only': [false, false, false, false],
      nobody: [false, false, false, false],
      'advisory board of the project': [false, false, false, false],
    },
  };
  const cells = (Object.keys(expectations) as Array<keyof typeof expectations>).flatMap((action) =>
    (Object.keys(libraryActors) as LibraryActor[]).flatMap((actor) =>
      targets.map((target, column) => ({ action, actor, column, allowed: expectations[action][actor][column] })),
    ),
  );

  test.each(cells)('$action by $actor on target $column: $allowed', ({ action, actor, column, allowed }) => {
    expect(can(libraryActors[actor], action, targets[column])).toBe(allowed);
  });

  test('the uploader edits description and tags of their file while they still see the project', () => {
    const expert = actors['expert of WG A'];
    expect(can(expert, 'library.edit', { projectId: P, workingGroupIds: [WG_A], ownedByActor: true })).toBe(true);
    expect(can(expert, 'library.edit', { projectId: P, workingGroupIds: [WG_B], ownedByActor: true })).toBe(true);
    expect(can(member(), 'library.edit', { projectId: P, workingGroupIds: [WG_A], ownedByActor: true })).toBe(false);
  });

  test('being the uploader does not allow deleting', () => {
    expect(
      can(actors['expert of WG A'], 'library.delete', { projectId: P, workingGroupIds: [WG_A], ownedByActor: true }),
    ).toBe(false);
  });
});

describe('co-chair vacancies', () => {
  it('lets co-chairs manage their group’s members, but only coordinators leave a co-chair seat vacant', () => {
    const group = { projectId: P, workingGroupIds: [WG_A] };
    const manage = (name: ActorName) => can(actors[name], 'workingGroup.manageMembers', group);
    const vacate = (name: ActorName) => can(actors[name], 'workingGroup.confirmVacancy', group);
    expect(['admin', 'coordinator of the project', 'co-chair of WG A'].map((n) => manage(n as ActorName))).toEqual([
      true,
      true,
      true,
    ]);
    expect((Object.keys(actors) as ActorName[]).filter(vacate)).toEqual(['admin', 'coordinator of the project']);
  });
});
