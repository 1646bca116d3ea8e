import type { SuggestionKind } from '@roundtable/editor-schema';

/**
 * Records each new suggestion id with the server (its author and time live there, ADR 040). A registration
 * that fails (offline editing, a dropped connection) is kept and sent again on `retry()`, which the editor
 * calls whenever the document syncs again; the suggestion is in the text meanwhile and shows "a co-author".
 */
export class SuggestionRegistrations {
  private readonly pending = new Map<string, SuggestionKind>();
  private readonly sending = new Set<string>();

  constructor(
    private readonly register: (id: string, kind: SuggestionKind) => Promise<unknown>,
    private readonly onRegistered: () => void,
  ) {}

  add(id: string, kind: SuggestionKind): void {
    this.pending.set(id, kind);
    void this.send(id);
  }

  retry(): void {
    for (const id of this.pending.keys()) void this.send(id);
  }

  get waiting(): number {
    return this.pending.size;
  }

  private async send(id: string): Promise<void> {
    const kind = this.pending.get(id);
    if (!kind || this.sending.has(id)) return;
    this.sending.add(id);
    try {
      await this.register(id, kind);
      this.pending.delete(id);
      this.onRegistered();
    } catch {
      // Kept in `pending`: sent again on the next retry.
    } finally {
      this.sending.delete(id);
    }
  }
}
