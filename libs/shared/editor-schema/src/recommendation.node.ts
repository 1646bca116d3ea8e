import { Node, mergeAttributes, type JSONContent } from '@tiptap/core';

/** Who a recommendation is addressed to: a fixed list, translated by the web app (`recommendations.addressee.<code>`). */
export const RECOMMENDATION_ADDRESSEES = [
  'policy-makers',
  'funders',
  'research-organisations',
  'industry',
  'health-services',
  'patient-organisations',
] as const;
export type RecommendationAddressee = (typeof RECOMMENDATION_ADDRESSEES)[number];

export const RECOMMENDATION_HORIZONS = ['short', 'medium', 'long'] as const;
export type RecommendationHorizon = (typeof RECOMMENDATION_HORIZONS)[number];

export const RECOMMENDATION_PRIORITIES = ['high', 'medium', 'low'] as const;
export type RecommendationPriority = (typeof RECOMMENDATION_PRIORITIES)[number];

/**
 * Frameworks a recommendation may link to: the five perspectives of the ICPerMed Action Plan (2017) —
 * awareness and empowerment, big data and ICT, translation to clinical research, innovation to the market,
 * sustainable healthcare.
 */
export const RECOMMENDATION_FRAMEWORKS = [
  'icpermed-p1',
  'icpermed-p2',
  'icpermed-p3',
  'icpermed-p4',
  'icpermed-p5',
] as const;
export type RecommendationFramework = (typeof RECOMMENDATION_FRAMEWORKS)[number];

export const RECOMMENDATION_NODE = 'recommendation';

/** A recommendation as the document holds it (attributes plus its body's plain text), in document order. */
export interface RecommendationBlock {
  /** Stable id; empty or repeated ids are re-assigned by the server (never by a client). */
  recId: string;
  title: string;
  body: string;
  addressee: RecommendationAddressee;
  horizon: RecommendationHorizon;
  priority: RecommendationPriority;
  frameworks: RecommendationFramework[];
  /** 0-based order among the document's recommendations. */
  position: number;
}

function oneOf<T extends string>(list: readonly T[], value: unknown, fallback: T): T {
  return list.includes(value as T) ? (value as T) : fallback;
}

/** The framework codes of a stored attribute (comma-separated), unknown codes dropped, each once. */
export function parseFrameworks(value: unknown): RecommendationFramework[] {
  const codes = String(value ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter((code): code is RecommendationFramework => (RECOMMENDATION_FRAMEWORKS as readonly string[]).includes(code));
  return [...new Set(codes)];
}

function plain(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  const inner = (node.content ?? []).map(plain);
  return node.type === 'paragraph' || node.type === 'heading' ? inner.join('') : inner.join('\n');
}

/** Every recommendation block of a document (editor JSON), in document order; pure, used by the server's registry. */
export function recommendationsOf(doc: JSONContent): RecommendationBlock[] {
  const found: RecommendationBlock[] = [];
  const walk = (node: JSONContent): void => {
    if (node.type === RECOMMENDATION_NODE) {
      const attrs = node.attrs ?? {};
      found.push({
        recId: typeof attrs.recId === 'string' ? attrs.recId : '',
        title: String(attrs.title ?? '').trim(),
        body: (node.content ?? [])
          .map(plain)
          .filter((text) => text.trim() !== '')
          .join('\n')
          .trim(),
        addressee: oneOf(RECOMMENDATION_ADDRESSEES, attrs.addressee, 'policy-makers'),
        horizon: oneOf(RECOMMENDATION_HORIZONS, attrs.horizon, 'medium'),
        priority: oneOf(RECOMMENDATION_PRIORITIES, attrs.priority, 'medium'),
        frameworks: parseFrameworks(attrs.frameworks),
        position: found.length,
      });
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return found;
}

function dataAttribute(name: string, fallback: string, dataName = name) {
  return {
    default: fallback,
    parseHTML: (element: HTMLElement) => element.getAttribute(`data-${dataName}`) ?? fallback,
    renderHTML: (attributes: Record<string, unknown>) =>
      attributes[name] === null || attributes[name] === undefined
        ? {}
        : { [`data-${dataName}`]: String(attributes[name]) },
  };
}

/**
 * A recommendation block: a short title (an attribute, so it stays one line in every export), a body of
 * paragraphs, the addressee, horizon, priority and framework links. Its `recId` is its identity in the
 * project's registry (libs/api/recommendations); a copy pasted elsewhere gets a fresh id from the server.
 */
export const Recommendation = Node.create({
  name: RECOMMENDATION_NODE,
  group: 'block',
  content: 'paragraph+',
  defining: true,
  isolating: true,
  draggable: true,

  addAttributes() {
    return {
      recId: { ...dataAttribute('recId', '', 'rec-id'), keepOnSplit: false },
      title: {
        default: '',
        parseHTML: (element: HTMLElement) =>
          element.querySelector(':scope > .recommendation-title')?.textContent ??
          element.getAttribute('data-title') ??
          '',
        renderHTML: () => ({}),
      },
      addressee: dataAttribute('addressee', 'policy-makers'),
      horizon: dataAttribute('horizon', 'medium'),
      priority: dataAttribute('priority', 'medium'),
      frameworks: dataAttribute('frameworks', ''),
    };
  },

  parseHTML() {
    return [{ tag: 'section[data-recommendation]', contentElement: '.recommendation-body' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'section',
      mergeAttributes(HTMLAttributes, { 'data-recommendation': '', class: 'recommendation' }),
      ['p', { class: 'recommendation-title' }, String(node.attrs.title ?? '')],
      ['div', { class: 'recommendation-body' }, 0],
    ];
  },
});
