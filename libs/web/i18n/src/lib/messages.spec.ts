import { i18n, initI18n } from './i18n';
import { defineMessages, registeredMessages, type FeatureT } from './messages';

describe('feature messages', () => {
  beforeAll(() => initI18n('en'));
  afterEach(() => i18n.changeLanguage('en'));

  it('are served under their namespace in both languages, also when declared after start-up', async () => {
    defineMessages('lateFeature', { greeting: 'Hello {{name}}' }, { greeting: '你好 {{name}}' });
    expect(i18n.t('lateFeature.greeting', { name: 'Rapporteur' })).toBe('Hello Rapporteur');
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('lateFeature.greeting', { name: 'Rapporteur' })).toBe('你好 Rapporteur');
    expect(registeredMessages().map((m) => m.namespace)).toContain('lateFeature');
  });

  it('refuse a namespace another feature declared', () => {
    defineMessages('ownedFeature', { title: 'One' }, { title: '一' });
    expect(() => defineMessages('ownedFeature', { title: 'Two' }, { title: '二' })).toThrow(/declared twice/);
  });

  it('keep shared keys working beside them', () => {
    expect(i18n.t('nav.home')).not.toBe('nav.home');
  });
});

describe('feature message types (checked by tsc -b, which npm test runs)', () => {
  it('reject a translation missing a key, and a misspelt key', () => {
    // @ts-expect-error the Chinese tree lacks `body`
    const incomplete = () => defineMessages('typeCheckOne', { title: 'T', body: 'B' }, { title: '标题' });
    const typed = defineMessages('typeCheckTwo', { title: 'T' }, { title: '标题' });
    const t: FeatureT<'typeCheckTwo', { title: string }> = (key) => key;
    // @ts-expect-error `titel` is not a key of the feature
    const misspelt = () => t('typeCheckTwo.titel');
    expect(t('typeCheckTwo.title')).toBe('typeCheckTwo.title');
    expect(typed.namespace).toBe('typeCheckTwo');
    expect([typeof incomplete, typeof misspelt]).toEqual(['function', 'function']);
  });
});
