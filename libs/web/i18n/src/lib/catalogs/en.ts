/**
 * English catalog. The source of truth for the catalog shape: every other catalog must provide
 * exactly the same keys (enforced by the `Catalog` type and by `i18n.spec.ts`).
 * Interpolation uses i18next's `{{name}}` syntax.
 */
export const en = {
  app: {
    name: 'Roundtable',
    tagline: 'Working groups and co-authored position papers',
    loading: 'Loading…',
    skipToContent: 'Skip to main content',
    retry: 'Try again',
  },
  language: {
    label: 'Language',
    en: 'English',
    'zh-CN': '简体中文',
  },
  nav: {
    main: 'Main navigation',
    home: 'Home',
    logout: 'Sign out',
    loggingOut: 'Signing out…',
    signedInAs: 'Signed in as {{name}}',
  },
  auth: {
    checkingSession: 'Checking your session…',
    login: {
      title: 'Sign in',
      intro: 'Sign in with the account your project coordinator created for you.',
      email: 'Email address',
      password: 'Password',
      submit: 'Sign in',
      submitting: 'Signing in…',
    },
    fieldErrors: {
      email: 'Enter a valid email address.',
      password: 'Enter your password.',
      other: 'This field is not valid.',
    },
  },
  errors: {
    VALIDATION_FAILED: 'Some of the information you entered is not valid.',
    INVALID_CREDENTIALS: 'The email address or password is incorrect.',
    TOO_MANY_ATTEMPTS: 'Too many sign-in attempts. Please wait a moment and try again.',
    tooManyAttemptsRetry: 'Too many sign-in attempts. Please try again in {{seconds}} seconds.',
    UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
    FORBIDDEN: 'You do not have access to this page.',
    NOT_FOUND: 'We could not find what you were looking for.',
    ROUTE_NOT_FOUND: 'We could not find what you were looking for.',
    PAYLOAD_TOO_LARGE: 'The request is too large.',
    DATABASE_UNAVAILABLE: 'The service is temporarily unavailable. Please try again shortly.',
    INTERNAL: 'Something went wrong on our side. Please try again.',
    network: 'Cannot reach the server. Check your connection and try again.',
    unknown: 'Something unexpected happened. Please try again.',
  },
  home: {
    title: 'Overview',
    project: {
      heading: 'Project',
      empty: 'You are not part of any project yet.',
      startDate: 'Start date',
      duration: 'Duration',
      durationMonths: '{{months}} months',
      partners: 'Partners',
      noPartners: 'No partners listed.',
    },
    workingGroups: {
      heading: 'Working groups',
      empty: 'There are no working groups yet.',
      aim: 'Aim',
      guidingPartners: 'Guiding partners',
      myRole: 'My role',
      notMember: 'Not a member',
    },
    documents: {
      heading: 'Documents',
      empty: 'There are no documents yet.',
      title: 'Title',
      type: 'Type',
      status: 'Status',
      workingGroup: 'Working group',
      access: 'Access',
      projectLevel: 'Project-wide',
    },
  },
  workingGroup: {
    back: 'Back to overview',
    aim: 'Aim',
    guidingPartners: 'Guiding partners',
    members: 'Members',
    membersEmpty: 'This working group has no members yet.',
    memberName: 'Name',
    memberRole: 'Role',
    memberRegion: 'Region',
    documents: 'Documents',
    documentsEmpty: 'This working group has no documents yet.',
    myRole: 'My role',
  },
  access: {
    read: 'Read only',
    write: 'Can edit',
  },
  documentType: {
    'position-paper': 'Position paper',
    'strategic-workplan': 'Strategic workplan',
    roadmap: 'Roadmap',
    minutes: 'Minutes',
    'working-document': 'Working document',
  },
  documentStatus: {
    outline: 'Outline',
    draft: 'Draft',
    'in-review': 'In review',
    final: 'Final',
  },
  role: {
    'co-chair': 'Co-chair',
    expert: 'Expert',
    observer: 'Observer',
  },
  region: {
    europe: 'Europe',
    china: 'China',
    other: 'Other',
  },
  editor: {
    loading: 'Opening the document…',
    back: 'Back to overview',
    readOnly: 'You can read this document but not edit it.',
    contentLabel: 'Document content',
    toolbar: {
      label: 'Formatting',
      bold: 'Bold',
      italic: 'Italic',
      heading2: 'Heading',
      bulletList: 'Bulleted list',
    },
    status: {
      label: 'Connection',
      connecting: 'Connecting…',
      connected: 'Connected',
      disconnected: 'Disconnected',
    },
    reconnect: 'Reconnect',
  },
  collab: {
    close: {
      '1000': 'The live editing session was closed.',
      '1001': 'The server is restarting. Your changes are kept; we will reconnect shortly.',
      '1008': 'The connection was closed because a message was not accepted.',
      '1009': 'The last change was too large to send. Try splitting it into smaller edits.',
      '1011': 'The server ran into a problem. We will try to reconnect.',
      '4401': 'Your session has ended. Please sign in again to keep editing.',
      '4403': 'You do not have access to this document.',
      '4404': 'This document no longer exists.',
      '4409': 'Your access to this document has changed. Reload the page to continue.',
    },
  },
  notFound: {
    title: 'Page not found',
    body: 'The page you are looking for does not exist.',
    home: 'Go to the overview',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Shape every catalog must have: the English keys with string leaves. */
export type Catalog = Widen<typeof en>;
