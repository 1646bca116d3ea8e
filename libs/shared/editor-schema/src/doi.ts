/**
 * A DOI in what a user pastes: bare ("10.1000/xyz"), prefixed ("doi:10.1000/xyz", "DOI 10.1000/xyz") or as a
 * resolver address ("https://doi.org/10.1000/xyz", "dx.doi.org/…"), URL-encoded or not. Returns the DOI
 * (trailing sentence punctuation dropped) or null. Parsing needs no network (ADR 039).
 */
export function parseDoi(input: string): string | null {
  let value = input.trim();
  if (value.length === 0 || value.length > 500) return null;
  value = value.replace(/^<|>$/g, '');
  const address = /^(?:https?:\/\/)?(?:dx\.)?doi\.org\/(.+)$/i.exec(value);
  if (address) {
    try {
      value = decodeURIComponent(address[1]);
    } catch {
      return null;
    }
  } else value = value.replace(/^doi\s*:?\s*/i, '');
  value = value.replace(/[.,;]+$/, '');
  return /^10\.\d{4,9}\/[^\s]+$/.test(value) ? value : null;
}
