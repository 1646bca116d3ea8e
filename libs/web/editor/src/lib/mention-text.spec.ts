import { mentionedPersonIds } from '@roundtable/contracts';
import { displayFromMarkup, markupFromDisplay, mentionQuery } from './mention-text';

const ANN = '11111111-1111-4111-8111-111111111111';
const ANN_LEE = '22222222-2222-4222-8222-222222222222';

describe('mention text: names in the textarea, ids in the body', () => {
  it('shows markup as names and sends names back as markup, keeping the ids', () => {
    const markup = `Ask @[WG1 EU co-chair](${ANN}) and @[Ann Lee](${ANN_LEE}) today`;
    const { text, mentions } = displayFromMarkup(markup);
    expect(text).toBe('Ask @WG1 EU co-chair and @Ann Lee today');
    expect(mentions).toEqual([
      { name: 'WG1 EU co-chair', id: ANN },
      { name: 'Ann Lee', id: ANN_LEE },
    ]);
    expect(markupFromDisplay(text, mentions)).toBe(markup);
  });

  it('prefers the longer name, and leaves a name the writer edited as plain text', () => {
    const mentions = [
      { name: 'Ann', id: ANN },
      { name: 'Ann Lee', id: ANN_LEE },
    ];
    expect(mentionedPersonIds(markupFromDisplay('@Ann Lee, then @Ann.', mentions))).toEqual([ANN_LEE, ANN]);
    expect(markupFromDisplay('@Annette and @An', mentions)).toBe('@Annette and @An');
    expect(markupFromDisplay('专家 @Ann Lee。', mentions)).toBe(`专家 @[Ann Lee](${ANN_LEE})。`);
  });

  it('keeps the picker open across spaces in a name, and not after a chosen one', () => {
    expect(mentionQuery('Hi @WG1 EU co', 13, [])).toEqual({ text: 'WG1 EU co', start: 3 });
    expect(mentionQuery('@', 1, [])).toEqual({ text: '', start: 0 });
    expect(mentionQuery('mail a@b', 8, [])).toBeNull();
    expect(mentionQuery('Hi @ nobody', 11, [])).toBeNull();
    const chosen = [{ name: 'WG1 EU co-chair', id: ANN }];
    expect(mentionQuery('Hi @WG1 EU co-chair please', 26, chosen)).toBeNull();
    expect(mentionQuery('Hi @WG1 EU co-chair', 19, chosen)).toBeNull();
  });
});
