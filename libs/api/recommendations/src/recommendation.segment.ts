import { cut } from 'jieba-wasm';

const HAN = /\p{Script=Han}/u;

/** Whether the text holds Chinese characters. */
export function hasChinese(text: string): boolean {
  return HAN.test(text);
}

/**
 * Text for PostgreSQL's trigram and full-text indexes: Chinese runs are cut into words by jieba (jieba-rs
 * compiled to WebAssembly, shipped inside the npm package `jieba-wasm`: no download, no native build) and the
 * words separated by spaces, so that `to_tsvector` sees Chinese words as words and trigrams do not run
 * across word boundaries. Latin text is only lower-cased and its spacing normalised.
 */
export function searchTextOf(text: string): string {
  const normalised = text.normalize('NFKC');
  const words = hasChinese(normalised) ? cut(normalised, true) : [normalised];
  return words
    .join(' ')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
