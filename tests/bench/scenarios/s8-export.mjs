// S8: export of a generated 40-page bilingual paper (issue #14): DOCX and PDF, the first request (rendered)
// and the second (from the cache), against our built server. No reference server has exports.
import { login } from '../lib/clients.mjs';

/** ~40 A4 pages: paragraphs of English followed by Chinese, as a co-authored position paper has them. */
function paragraphs(count) {
  return Array.from({ length: count }, (_, i) =>
    [
      `Section ${Math.floor(i / 8) + 1}, paragraph ${(i % 8) + 1}. European programmes fund long-term cohorts and `,
      'biobanks; shared standards for consent, data access and interoperability make their data reusable across ',
      'borders, while joint training builds the skills to analyse it. ',
      `中国的精准医学计划支持大型人群队列研究（第${i + 1}段）。数据共享需要共同的标准、伦理审查与互操作性，`,
      '联合培训则为数据分析培养人才。',
    ].join(''),
  );
}

async function timed(baseUrl, cookie, path) {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  const bytes = Buffer.from(await response.arrayBuffer());
  const seconds = (performance.now() - started) / 1000;
  if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status} ${bytes.toString().slice(0, 200)}`);
  return { seconds, bytes: bytes.length, cache: response.headers.get('x-export-cache'), body: bytes };
}

export async function runS8(ctx) {
  const count = ctx.quick ? 60 : 240;
  const documentId = await ctx.newDocument('S8 export');
  const server = await ctx.startOurs();
  try {
    const cookie = await login(server.baseUrl, 'admin@example.org');
    const text = paragraphs(count);
    for (let i = 0; i < text.length; i += 100) {
      const response = await fetch(`${server.baseUrl}/api/documents/${documentId}/paragraphs`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', origin: server.baseUrl },
        body: JSON.stringify({ paragraphs: text.slice(i, i + 100) }),
      });
      if (response.status !== 200) throw new Error(`append: HTTP ${response.status}`);
    }
    const result = { paragraphs: count };
    for (const format of ['docx', 'pdf']) {
      const path = `/api/documents/${documentId}/export?format=${format}`;
      const first = await timed(server.baseUrl, cookie, path);
      const second = await timed(server.baseUrl, cookie, path);
      result[format] = {
        firstSeconds: first.seconds,
        cachedSeconds: second.seconds,
        bytes: first.bytes,
        caches: [first.cache, second.cache],
        // Page objects of the PDF (an estimate from its structure; the tests read PDFs with pdf.js).
        pages: format === 'pdf' ? (first.body.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length : null,
      };
    }
    return result;
  } finally {
    await server.stop();
  }
}
