/** A tiny fetch wrapper that keeps the session cookie, like a browser. */
export class HttpClient {
  cookie: string | null = null;

  constructor(private readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: any; headers: Headers }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        // Like a browser: state-changing requests carry the page's Origin (the server refuses other sites).
        ...(method !== 'GET' && method !== 'HEAD' ? { origin: this.baseUrl } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, body, headers);
  }

  patch(path: string, body?: unknown) {
    return this.request('PATCH', path, body);
  }

  put(path: string, body?: unknown) {
    return this.request('PUT', path, body);
  }

  delete(path: string) {
    return this.request('DELETE', path);
  }

  async login(email: string, password = 'roundtable-demo'): Promise<this> {
    const result = await this.post('/api/auth/login', { email, password });
    if (result.status !== 200)
      throw new Error(`login ${email} failed: ${result.status} ${JSON.stringify(result.body)}`);
    return this;
  }
}
