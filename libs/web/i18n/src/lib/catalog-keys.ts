/** A catalog node: nested objects whose leaves are strings. */
export interface CatalogTree {
  [key: string]: string | CatalogTree;
}

/** Every leaf key of a catalog in i18next dot notation (`editor.toolbar.bold`), sorted. */
export function catalogKeys(catalog: CatalogTree, prefix = ''): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.push(path);
    else keys.push(...catalogKeys(value, path));
  }
  return keys.sort();
}

/** The value at a dot-notation key, or undefined when the key is missing or not a leaf. */
export function catalogValue(catalog: CatalogTree, key: string): string | undefined {
  let node: string | CatalogTree | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}
