// citeproc-js ships no types: the part of its API the citation formatter uses (citations.ts).
declare module 'citeproc' {
  interface CiteprocSys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): Record<string, unknown>;
  }
  interface CiteprocEngine {
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
    updateItems(ids: string[]): void;
    makeCitationCluster(items: Array<{ id: string }>): string;
    makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
  }
  const CSL: {
    Engine: new (sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean) => CiteprocEngine;
  };
  export default CSL;
}
