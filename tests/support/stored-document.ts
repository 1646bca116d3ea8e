import * as Y from 'yjs';

/** Runs SQL and returns the rows: a TypeORM DataSource's query, or a pg client's query mapped to its rows. */
export type Rows = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** Whether `marker` is stored for the document anywhere: in the update tail or folded into the snapshot. */
export async function isStored(rows: Rows, documentId: string, marker: string): Promise<boolean> {
  const [{ found }] = await rows(
    `SELECT EXISTS (SELECT 1 FROM document_updates WHERE document_id = $1 AND position(convert_to($2, 'UTF8') IN data) > 0)
         OR EXISTS (SELECT 1 FROM document_snapshots WHERE document_id = $1 AND position(convert_to($2, 'UTF8') IN state) > 0) AS found`,
    [documentId, marker],
  );
  return found === true;
}

/** The editor text PostgreSQL holds for the document (snapshot, then the tail, replayed into a fresh doc). */
export async function storedText(rows: Rows, documentId: string): Promise<string> {
  const doc = new Y.Doc();
  try {
    for (const row of await rows('SELECT state FROM document_snapshots WHERE document_id = $1', [documentId]))
      Y.applyUpdate(doc, row.state as Uint8Array);
    for (const row of await rows('SELECT data FROM document_updates WHERE document_id = $1 ORDER BY id', [documentId]))
      Y.applyUpdate(doc, row.data as Uint8Array);
    return doc.getXmlFragment('default').toString();
  } finally {
    doc.destroy();
  }
}
