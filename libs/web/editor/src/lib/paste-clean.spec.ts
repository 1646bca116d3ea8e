import { editorExtensions } from '@roundtable/editor-schema';
import { getSchema, type JSONContent } from '@tiptap/core';
import { DOMParser as ProseMirrorParser } from '@tiptap/pm/model';
import { Window } from 'happy-dom';
import { cleanPastedHtml } from './paste-clean';

const window = new Window();
const parser = new window.DOMParser() as unknown as DOMParser;
const schema = getSchema(editorExtensions());

/** What the editor makes of pasted HTML: cleaned, then parsed by the shared schema (as ProseMirror does). */
function pasted(html: string): JSONContent {
  const cleaned = cleanPastedHtml(html, parser);
  const container = window.document.createElement('div');
  container.innerHTML = cleaned;
  return ProseMirrorParser.fromSchema(schema)
    .parse(container as unknown as Node)
    .toJSON() as JSONContent;
}

/** Block types and their text, nested, for readable expectations. */
function outline(node: JSONContent): unknown {
  if (node.type === 'text') return node.text;
  const children = (node.content ?? []).map(outline);
  const level = node.attrs?.['level'] ? `${node.type}${node.attrs['level']}` : node.type;
  return node.type === 'paragraph' || node.type === 'heading'
    ? `${level}: ${(node.content ?? []).map((c) => c.text ?? '').join('')}`
    : { [String(level)]: children };
}

// Shaped like Word for Windows 365's clipboard (HTML format), trimmed: the head with styles, conditional
// comments, o:p, list paragraphs with their markers, a table, a link and a Title-styled paragraph.
const WORD = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-unhide:no; margin:0cm; font-size:11.0pt;} @list l0:level1 {mso-level-tab-stop:none;} --></style>
</head><body lang=EN-GB style='tab-interval:36.0pt;word-wrap:break-word'>
<!--StartFragment-->
<p class=MsoTitle>Position paper<o:p></o:p></p>
<h1 style='margin-left:0cm;mso-list:none'><span lang=EN-GB>Background<o:p></o:p></span></h1>
<p class=MsoNormal><span lang=EN-GB>Cohorts are <b>large</b> and <i style='mso-bidi-font-style:normal'>diverse</i>; see
<a href="https://example.org/cohorts"><span style='color:#0563C1'>the registry</span></a>.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>First point<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span
style='mso-list:Ignore'>a.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Sub point<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Second point<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>A bullet<o:p></o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
<tr style='mso-yfti-irow:0'><td width=301 valign=top style='width:225.4pt;padding:0cm 5.4pt'><p class=MsoNormal><b>EU<o:p></o:p></b></p></td>
<td width=301 valign=top style='width:225.4pt'><p class=MsoNormal><b>China 中国<o:p></o:p></b></p></td></tr>
<tr><td width=301 valign=top><p class=MsoNormal>Horizon Europe<o:p></o:p></p></td><td width=301 valign=top><p class=MsoNormal>国家重点研发计划<o:p></o:p></p></td></tr>
</table>
<!--EndFragment-->
</body></html>`;

// Shaped like Google Docs' clipboard: the wrapper <b> with font-weight:normal, styled spans for marks,
// lists with aria-level and a nested list written as a sibling, a table in a div, a link.
const GOOGLE = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-4b3f7c1e-7fff-1a2b-3c4d-5e6f7a8b9c0d">
<h2 dir="ltr" style="line-height:1.38;margin-top:18pt;margin-bottom:6pt;"><span style="font-size:16pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;font-style:normal;">Data sharing</span></h2>
<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:400;">Standards are </span><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:700;">essential</span><span style="font-size:11pt;font-weight:400;font-style:italic;"> everywhere</span><span style="font-size:11pt;"> (</span><a href="https://example.org/fhir" style="text-decoration:none;"><span style="font-size:11pt;color:#1155cc;text-decoration:underline;-webkit-text-decoration-skip:none;">FHIR</span></a><span style="font-size:11pt;">).</span></p>
<br>
<ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;" aria-level="1"><p dir="ltr" role="presentation" style="line-height:1.38;"><span style="font-size:11pt;">Consent</span></p></li><ul style="margin-top:0;"><li dir="ltr" style="list-style-type:circle;" aria-level="2"><p dir="ltr" role="presentation"><span style="font-size:11pt;">Broad consent</span></p></li></ul><li dir="ltr" style="list-style-type:disc;" aria-level="1"><p dir="ltr" role="presentation"><span style="font-size:11pt;">Ethics review</span></p></li></ul>
<ol style="margin-top:0;"><li dir="ltr" style="list-style-type:decimal;" aria-level="1"><p dir="ltr" role="presentation"><span style="font-size:11pt;">Step one</span></p></li></ol>
<div dir="ltr" style="margin-left:0pt;" align="left"><table style="border:none;border-collapse:collapse;"><colgroup><col width="200"><col width="200"></colgroup><tbody><tr style="height:0pt"><td style="border-left:solid #000000 1pt;padding:5pt;"><p dir="ltr"><span style="font-size:11pt;font-weight:700;">Programme</span></p></td><td style="padding:5pt;"><p dir="ltr"><span style="font-size:11pt;">计划</span></p></td></tr></tbody></table></div>
</b><br class="Apple-interchange-newline">`;

describe('paste from Word', () => {
  const json = pasted(WORD);

  test('keeps headings, paragraphs, nested numbered and bulleted lists and the table', () => {
    expect((json.content ?? []).map(outline)).toEqual([
      'heading1: Position paper',
      'heading1: Background',
      expect.stringMatching(/^paragraph: Cohorts are large and diverse; see\s+the registry\.$/),
      {
        orderedList: [
          { listItem: ['paragraph: First point', { orderedList: [{ listItem: ['paragraph: Sub point'] }] }] },
          { listItem: ['paragraph: Second point'] },
        ],
      },
      { bulletList: [{ listItem: ['paragraph: A bullet'] }] },
      {
        table: [
          { tableRow: [{ tableCell: ['paragraph: EU'] }, { tableCell: ['paragraph: China 中国'] }] },
          { tableRow: [{ tableCell: ['paragraph: Horizon Europe'] }, { tableCell: ['paragraph: 国家重点研发计划'] }] },
        ],
      },
    ]);
  });

  test('keeps bold, italic and the link, and drops Word’s markers, styles and o:p', () => {
    const text = JSON.stringify(json);
    expect(text).toContain('{"type":"text","marks":[{"type":"bold"}],"text":"large"}');
    expect(text).toContain('{"type":"text","marks":[{"type":"italic"}],"text":"diverse"}');
    expect(text).toMatch(/"type":"link","attrs":\{"href":"https:\/\/example\.org\/cohorts"/);
    expect(text).not.toMatch(/mso|Mso|Times New Roman|·|OfficeDocumentSettings|1\.\s/);
    const cleaned = cleanPastedHtml(WORD, parser);
    expect(cleaned).not.toMatch(/style=|class=|<o:p|<!--|lang=/);
  });
});

describe('paste from Google Docs', () => {
  const json = pasted(GOOGLE);

  test('unwraps the normal-weight wrapper, so the text is not all bold', () => {
    const bold = JSON.stringify(json).match(/"marks":\[\{"type":"bold"\}\],"text":"([^"]*)"/g) ?? [];
    expect(bold).toEqual([
      '"marks":[{"type":"bold"}],"text":"essential"',
      '"marks":[{"type":"bold"}],"text":"Programme"',
    ]);
  });

  test('keeps the heading, marks from styles, the link, nested lists and the table', () => {
    expect((json.content ?? []).map(outline)).toEqual([
      'heading2: Data sharing',
      'paragraph: Standards are essential everywhere (FHIR).',
      {
        bulletList: [
          { listItem: ['paragraph: Consent', { bulletList: [{ listItem: ['paragraph: Broad consent'] }] }] },
          { listItem: ['paragraph: Ethics review'] },
        ],
      },
      { orderedList: [{ listItem: ['paragraph: Step one'] }] },
      { table: [{ tableRow: [{ tableCell: ['paragraph: Programme'] }, { tableCell: ['paragraph: 计划'] }] }] },
    ]);
    const text = JSON.stringify(json);
    expect(text).toContain('{"type":"text","marks":[{"type":"italic"}],"text":" everywhere"}');
    // The link keeps its address and is not underlined again by its span's style.
    expect(text).toMatch(
      /\{"type":"text","marks":\[\{"type":"link","attrs":\{"href":"https:\/\/example\.org\/fhir"[^}]*\}\}\],"text":"FHIR"\}/,
    );
  });
});

describe('footnotes on the clipboard', () => {
  const notes = (json: JSONContent): string[] => {
    const found: string[] = [];
    const walk = (node: JSONContent) => {
      if (node.type === 'footnote') found.push(String(node.attrs?.['text']));
      (node.content ?? []).forEach(walk);
    };
    walk(json);
    return found;
  };

  test('Word’s footnote references become footnotes carrying their notes; the notes list goes', () => {
    const word = `<p class=MsoNormal>Cohorts grow<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span
class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[1]</span><![endif]></span></span></a>.<o:p></o:p></p>
<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width="33%"><![endif]>
<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span
class=MsoFootnoteReference><span style='mso-special-character:footnote'>[1]</span></span></a> Eurostat, 2025.<o:p></o:p></p></div></div>`;
    const json = pasted(word);
    expect(notes(json)).toEqual(['Eurostat, 2025.']);
    expect((json.content ?? []).map(outline)).toEqual(['paragraph: Cohorts grow.']);
  });

  test('Google Docs’ footnotes too', () => {
    const google = `<b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:400;">数据共享</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup><span>。</span></p>
<hr><div><p dir="ltr"><a href="#ftnt_ref1" id="ftnt1">[1]</a><span style="font-weight:400;"> 国家卫健委，2025年。</span></p></div></b>`;
    const json = pasted(google);
    expect(notes(json)).toEqual(['国家卫健委，2025年。']);
    expect((json.content ?? []).map(outline)).toEqual(['paragraph: 数据共享。']);
  });
});

describe('other clipboards', () => {
  test('our own editor’s clipboard is left alone (figures and footnotes keep their attributes)', () => {
    const own =
      '<p data-pm-slice="1 1 []">Text<sup data-footnote-id="fn-1" data-text="A note" data-footnote=""></sup></p>';
    expect(cleanPastedHtml(own, parser)).toBe(own);
  });

  test('unsafe links and images from elsewhere are dropped, their text kept', () => {
    const cleaned = cleanPastedHtml(
      '<p><a href="javascript:alert(1)">click</a> <img src="https://tracker.example/p.gif"> <a href="#_Toc1">toc</a></p>',
      parser,
    );
    expect(cleaned).toBe('<p>click  toc</p>');
  });
});
