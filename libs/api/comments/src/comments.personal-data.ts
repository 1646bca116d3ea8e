import type { EntityManager } from 'typeorm';

/**
 * Erasure (ADR 043): mentions of the person (`@[Name](personId)`) show the pseudonym; returns the documents
 * whose comments still name them in free text (for their editors to look at).
 */
export async function eraseCommentMentionsOf(
  manager: EntityManager,
  personId: string,
  names: string[],
  pseudonym: string,
): Promise<string[]> {
  await manager.query(
    `UPDATE comments SET body = regexp_replace(body, '@\\[[^\\]]*\\]\\(' || $1 || '\\)', '@[' || $2 || '](' || $1 || ')', 'g')
      WHERE strpos(body, '(' || $1 || ')') > 0`,
    [personId, pseudonym],
  );
  const needles = names.filter((text) => text.trim().length >= 3);
  if (needles.length === 0) return [];
  const rows: Array<{ document_id: string }> = await manager.query(
    `SELECT DISTINCT t.document_id FROM comments c JOIN comment_threads t ON t.id = c.thread_id
      WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) n WHERE strpos(c.body, n) > 0 OR strpos(t.quote, n) > 0)`,
    [needles],
  );
  return rows.map((row) => row.document_id);
}
