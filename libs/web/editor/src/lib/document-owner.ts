import type { DocumentDto } from '@roundtable/contracts';

/** Where the document page's back link goes, and which status its badge shows (catalog keys). */
export interface DocumentPageFrame {
  back: { to: string; label: 'editor.back' | 'editor.backToMinutes' };
  status: `documentStatus.${DocumentDto['status']}` | `editor.minutesStatus.${'draft' | 'circulated' | 'approved'}`;
}

/**
 * Minutes own their document: its page shows the minutes' status (the document row stays 'draft' for
 * life) and leads back to the minutes. Other documents show their own status and lead Home.
 */
export function documentPageFrame(document: Pick<DocumentDto, 'status' | 'owner'>): DocumentPageFrame {
  const owner = document.owner;
  if (owner?.kind === 'minutes')
    return {
      back: { to: `/minutes/${encodeURIComponent(owner.id)}`, label: 'editor.backToMinutes' },
      status: `editor.minutesStatus.${owner.status}`,
    };
  return { back: { to: '/', label: 'editor.back' }, status: `documentStatus.${document.status}` };
}
