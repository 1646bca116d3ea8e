import { SuggestionRegistrations } from './suggestion-registrations';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('SuggestionRegistrations', () => {
  it('sends each new id once, and tells when it is recorded', async () => {
    const sent: string[] = [];
    let recorded = 0;
    const registrations = new SuggestionRegistrations(
      async (id, kind) => void sent.push(`${id}:${kind}`),
      () => (recorded += 1),
    );
    registrations.add('a', 'insert');
    registrations.add('b', 'delete');
    await settle();
    registrations.retry();
    await settle();
    expect(sent).toEqual(['a:insert', 'b:delete']);
    expect(recorded).toBe(2);
    expect(registrations.waiting).toBe(0);
  });

  it('keeps what failed (offline) and sends it again on retry, never twice at once', async () => {
    let online = false;
    const sent: string[] = [];
    const registrations = new SuggestionRegistrations(
      async (id) => {
        sent.push(id);
        if (!online) throw new Error('offline');
      },
      () => undefined,
    );
    registrations.add('a', 'insert');
    registrations.retry(); // while the first attempt is in flight: not sent a second time
    await settle();
    expect(sent).toEqual(['a']);
    expect(registrations.waiting).toBe(1);
    online = true;
    registrations.retry();
    await settle();
    expect(sent).toEqual(['a', 'a']);
    expect(registrations.waiting).toBe(0);
  });
});
