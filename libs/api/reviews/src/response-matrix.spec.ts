import type { ReviewCommentDto } from '@roundtable/contracts';
import { reviewInvitationMail, reviewRespondedMail } from './review.mail';
import { matrixCsv, matrixRows } from './response-matrix';

function comment(over: Partial<ReviewCommentDto>): ReviewCommentDto {
  return {
    id: 'c1',
    number: 1,
    reviewerId: 'r1',
    reviewerName: 'Programme officer',
    reviewerOrganisation: 'Example Research Council',
    reviewerType: 'funder',
    quote: 'A passage.',
    start: 0,
    end: 10,
    body: 'Say more.',
    createdAt: '2027-01-01T00:00:00.000Z',
    disposition: 'partly-accepted',
    responseEn: 'Done in part.',
    responseZh: '部分完成。',
    changeLinks: ['/documents/d/versions/v/diff'],
    duplicateOfCommentId: null,
    disposedAt: '2027-01-02T00:00:00.000Z',
    live: { state: 'same', start: 0, end: 10, before: '', after: '' },
    ...over,
  };
}

describe('the response matrix', () => {
  it('names reviewers per their consent, flags deleted passages and general comments, points duplicates', () => {
    const rows = matrixRows(
      [
        comment({}),
        comment({
          id: 'c2',
          number: 2,
          reviewerName: null,
          live: { state: 'deleted', start: null, end: null, before: null, after: null },
        }),
        comment({ id: 'c3', number: 3, quote: null, live: null, disposition: 'duplicate', duplicateOfCommentId: 'c1' }),
      ],
      'en',
    );
    expect(rows.map((r) => [r[0], r[1], r[4], r[6]])).toEqual([
      ['C1', 'Programme officer', 'A passage.', 'Partly accepted'],
      ['C2', 'anonymous', 'A passage. (passage since deleted)', 'Partly accepted'],
      ['C3', 'Programme officer', '(general comment)', 'Duplicate (duplicate of C1)'],
    ]);
    expect(matrixRows([comment({ disposition: null })], 'zh-CN')[0][6]).toBe('');
  });

  it('writes CSV with a BOM and neutralised formulas', () => {
    const csv = matrixCsv([comment({ body: '=HYPERLINK("http://x")' })], 'zh-CN');
    expect(csv.startsWith('\uFEFF编号,评审人')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe('review mails', () => {
  it('invites and answers in the reviewer’s language with the personal link, times in the inviter’s zone', () => {
    const base = {
      name: 'Programme officer',
      projectName: 'IC2PerMed',
      documentTitle: 'Outline',
      roundName: 'M18 review',
      link: 'http://localhost:3000/review/link/abc',
    };
    const zh = reviewInvitationMail({
      ...base,
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      inviterName: null,
      closesAt: new Date('2027-01-20T16:00:00Z'),
    });
    expect(zh.subject).toBe('邀请评审：「Outline」');
    expect(zh.text).toContain('项目团队邀请您评审 IC2PerMed 项目的文件「Outline」（M18 review）。');
    // 16:00 UTC is midnight in Shanghai, the next day.
    expect(zh.text).toMatch(/2027年1月21日.*00:00.*GMT\+8/);
    expect(zh.html).toContain('<a href="http://localhost:3000/review/link/abc">打开评审</a>');
    const en = reviewRespondedMail({
      ...base,
      locale: 'en',
      timeZone: 'Europe/Rome',
      expiresAt: new Date('2027-04-01T00:00:00Z'),
    });
    expect(en.subject).toBe('Responses to your review of "Outline"');
    expect(en.text).toMatch(/The link works until .*Apr 1, 2027, 02:00 \(Rome, GMT\+2\)/);
    expect(en.html).toContain('<a href="http://localhost:3000/review/link/abc">See the responses</a>');
  });
});
