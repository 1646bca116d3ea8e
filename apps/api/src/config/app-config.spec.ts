import { resolve } from 'path';
import { loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to port 3000, the embedded database in ./.data, and demo data', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, databaseUrl: null, dataDir: resolve('.data'), demo: true });
  });

  it('never seeds demo accounts on a real server unless DEMO=true says so', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/roundtable' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/roundtable', DEMO: 'true' }).demo).toBe(true);
    expect(loadConfig({ DEMO: 'false' }).demo).toBe(false);
  });

  it('refuses a PORT that is not a port number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty": expected a whole number from 0 to 65535/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(loadConfig({ PORT: '4000' }).port).toBe(4000);
  });

  it('serves the API docs except in production, where API_DOCS=true opts in', () => {
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).apiDocs).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(loadConfig({ API_DOCS: 'false' }).apiDocs).toBe(false);
  });

  it('reads TRUST_PROXY as a hop count or proxy list, never as "trust every hop"', () => {
    expect(loadConfig({}).trustProxy.express).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy.express).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1,10.0.0.2' }).trustProxy.express).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toMatchObject({
      express: 1,
      warning: expect.stringMatching(/TRUST_PROXY=1/),
    });
    expect(() => loadConfig({ TRUST_PROXY: 'all' })).toThrow(/TRUST_PROXY/);
  });
});
