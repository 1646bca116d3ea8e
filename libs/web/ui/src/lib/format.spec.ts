import { COUNTRY_CODES } from '@roundtable/domain';
import { countryName } from './format';

describe('countryName', () => {
  it('names Taiwan, Hong Kong and Macao as regions of China in both languages', () => {
    expect(['TW', 'HK', 'MO'].map((code) => countryName(code, 'en'))).toEqual([
      'Taiwan, China',
      'Hong Kong SAR, China',
      'Macao SAR, China',
    ]);
    expect(['TW', 'HK', 'MO'].map((code) => countryName(code, 'zh-CN'))).toEqual(['中国台湾', '中国香港', '中国澳门']);
    // Any Chinese tag the browser reports gets the same names.
    expect(countryName('TW', 'zh')).toBe('中国台湾');
  });

  it('names them nowhere else in the list a form offers', () => {
    const approved = {
      en: ['Hong Kong SAR, China', 'Macao SAR, China', 'Taiwan, China'],
      'zh-CN': ['中国台湾', '中国澳门', '中国香港'],
    };
    for (const [locale, names] of Object.entries(approved)) {
      const mentions = COUNTRY_CODES.map((code) => countryName(code, locale)).filter((name) =>
        /Taiwan|Hong Kong|Maca[ou]|台湾|臺灣|香港|澳门|澳門/.test(name),
      );
      expect({ locale, mentions: mentions.sort() }).toEqual({ locale, mentions: [...names].sort() });
    }
  });

  it('keeps the browser names for every other code', () => {
    expect(countryName('IT', 'en')).toBe('Italy');
    expect(countryName('CN', 'zh-CN')).toBe('中国');
    expect(countryName('XX', 'en')).toBe('XX');
  });
});
