// The S3 baseline, in a fresh process like a cold server: SELECT every stored update of a document in
// order and apply each one with Y.applyUpdate. Prints one JSON line.
'use strict';
const { Client } = require('pg');
const Y = require('yjs');

async function main() {
  const [databaseUrl, documentId] = process.argv.slice(2);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  const { rows } = await client.query('SELECT data FROM document_updates WHERE document_id = $1 ORDER BY id', [
    documentId,
  ]);
  const queried = performance.now();
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row.data);
  const done = performance.now();
  const paragraph = doc
    .getXmlFragment('default')
    .toArray()
    .find((node) => node instanceof Y.XmlElement && node.getAttribute('bench') === 'b4');
  const text = paragraph ? Y.Text.prototype.toString.call(paragraph.get(0)) : '';
  await client.end();
  process.stdout.write(
    JSON.stringify({
      ms: done - started,
      queryMs: queried - started,
      applyMs: done - queried,
      rows: rows.length,
      textLength: text.length,
    }) + '\n',
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
