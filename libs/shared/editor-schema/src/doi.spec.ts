import { parseDoi } from './doi';

describe('parseDoi', () => {
  test.each([
    ['10.1000/xyz123', '10.1000/xyz123'],
    ['  doi:10.1038/nphys1170 ', '10.1038/nphys1170'],
    ['DOI: 10.1016/j.enpol.2020.111234.', '10.1016/j.enpol.2020.111234'],
    [
      'https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-0',
      '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0',
    ],
    ['http://dx.doi.org/10.5555/12345678', '10.5555/12345678'],
    ['doi.org/10.5555/abc', '10.5555/abc'],
  ])('finds the DOI in %p', (input, doi) => {
    expect(parseDoi(input)).toBe(doi);
  });

  test.each([
    [''],
    ['hello'],
    ['10.12/too-short-prefix'],
    ['10.1000/'],
    ['https://example.org/10.1000/x'],
    ['10.1000/a b'],
    ['https://doi.org/%E0%A4%A'],
  ])('finds none in %p', (input) => {
    expect(parseDoi(input)).toBeNull();
  });
});
