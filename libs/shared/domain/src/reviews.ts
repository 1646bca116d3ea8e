import type { Disposition, ReviewLiveAnchorDto, ReviewRoundStatus } from '@roundtable/contracts';

/**
 * Review rounds (ADR 041): the state machine and the anchors of review comments. Pure: the API and the web
 * app share it.
 */

/** The stored state ('open' until closed by hand or by time, then 'closed', then 'responded') and the clock decide. */
export function reviewRoundStatus(
  round: { status: 'open' | 'closed' | 'responded'; opensAt: Date; closesAt: Date },
  now: Date,
): ReviewRoundStatus {
  if (round.status !== 'open') return round.status;
  if (now.getTime() >= round.closesAt.getTime()) return 'closed';
  if (now.getTime() < round.opensAt.getTime()) return 'scheduled';
  return 'open';
}

/** Why the round cannot be marked responded, or null when it can: closed, and every comment has a disposition. */
export function respondBlocker(
  status: ReviewRoundStatus,
  dispositions: ReadonlyArray<Disposition | null>,
): 'not-closed' | 'undisposed' | null {
  if (status !== 'closed') return 'not-closed';
  return dispositions.some((d) => d === null) ? 'undisposed' : null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text of an HTML fragment as a browser's `textContent` reads it: tags dropped, entities decoded, no
 * separators added between blocks. Offsets of review comments count in this text, so the reviewer's page
 * (which selects in the rendered HTML) and the server agree.
 */
export function textOfHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

const CONTEXT = 40;

/**
 * Where a passage quoted from the frozen version (`quote` at `start` in it) lives in the live text: at the
 * same offset ('same'), at the occurrence nearest to where it was ('moved'), or nowhere ('deleted').
 */
export function reanchor(quote: string, start: number, liveText: string): ReviewLiveAnchorDto {
  const at = (index: number, state: 'same' | 'moved'): ReviewLiveAnchorDto => ({
    state,
    start: index,
    end: index + quote.length,
    before: liveText.slice(Math.max(0, index - CONTEXT), index),
    after: liveText.slice(index + quote.length, index + quote.length + CONTEXT),
  });
  if (quote.length === 0) return { state: 'deleted', start: null, end: null, before: null, after: null };
  if (liveText.startsWith(quote, start)) return at(start, 'same');
  let best = -1;
  for (let index = liveText.indexOf(quote); index >= 0; index = liveText.indexOf(quote, index + 1))
    if (best < 0 || Math.abs(index - start) < Math.abs(best - start)) best = index;
  return best >= 0 ? at(best, 'moved') : { state: 'deleted', start: null, end: null, before: null, after: null };
}
