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
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(loadConfig({ PORT: '4000' }).port).toBe(4000);
  });

  it('serves the API docs except in production, where API_DOCS=true opts in', () => {
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).apiDocs).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(loadConfig({ API_DOCS: 'false' }).apiDocs).toBe(false);
  });
});
