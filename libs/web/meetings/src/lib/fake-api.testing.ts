/** One request the fake API saw: method, path (no query) and parsed JSON body. */
export interface FakeCall {
  method: string;
  path: string;
  body: unknown;
}

/**
 * For component tests: replaces `fetch` with one that answers the typed client like the server would
 * (`answer` maps a call to a status and JSON body) and records every call.
 */
export function fakeApi(answer: (call: FakeCall) => { status: number; body?: unknown }): FakeCall[] {
  const calls: FakeCall[] = [];
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const request = input as Request;
    const text = await request.text();
    const call = { method: request.method, path: new URL(request.url).pathname, body: text ? JSON.parse(text) : null };
    calls.push(call);
    const { status, body } = answer(call);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return calls;
}
