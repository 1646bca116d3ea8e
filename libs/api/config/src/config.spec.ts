import { config, CONFIG_VARIABLES, ConfigError, configWarnings, loadConfig, variablesRead } from './config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('the configuration module', () => {
  it('starts in demo mode with nothing set: embedded database, port 3000, links to localhost, no warning', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: null,
      demo: true,
      publicUrl: null,
      publicBaseUrl: 'http://localhost:3000',
      smtpUrl: null,
      cookieSecure: false,
      apiDocs: true,
      clockStart: null,
    });
    expect(configWarnings(config)).toEqual([]);
  });

  it('names each bad variable and what it expects, all at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db/roundtable',
      PUBLIC_URL: 'roundtable.example.org',
      COOKIE_SECURE: 'yes',
      SMTP_URL: 'http://mail',
      INVITATION_TTL_DAYS: '-3',
      TRUST_PROXY: 'all',
      COLLAB_MAX_CLIENTS_PER_DOCUMENT: '2.5',
    });
    expect(problems).toEqual([
      'PORT="eighty": expected a whole number from 0 to 65535',
      'DATABASE_URL="mysql://db/roundtable": expected a URL starting with postgres:// or postgresql://',
      'PUBLIC_URL="roundtable.example.org": expected a URL starting with http:// or https://',
      expect.stringMatching(/^TRUST_PROXY: "all" is not an IP address/),
      'COOKIE_SECURE="yes": expected `true` or `false`',
      'SMTP_URL="http://mail": expected a URL starting with smtp:// or smtps://',
      'INVITATION_TTL_DAYS="-3": expected a number greater than 0',
      'COLLAB_MAX_CLIENTS_PER_DOCUMENT="2.5": expected a whole number 1 or more',
    ]);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(
      'Invalid configuration (environment variables):\n  - PORT="70000": expected a whole number from 0 to 65535',
    );
  });

  it('refuses a moved business clock in production, and a clock that is not a date', () => {
    expect(problemsOf({ NODE_ENV: 'production', ROUNDTABLE_CLOCK: '2021-12-20' })).toEqual([
      expect.stringMatching(/^ROUNDTABLE_CLOCK="2021-12-20": .*refused when NODE_ENV=production/),
    ]);
    expect(problemsOf({ ROUNDTABLE_CLOCK: 'next tuesday' })).toEqual([
      'ROUNDTABLE_CLOCK="next tuesday": expected an ISO date or date-time',
    ]);
    expect(loadConfig({ ROUNDTABLE_CLOCK: '2021-12-20T08:00:00Z' }).clockStart).toEqual(
      new Date('2021-12-20T08:00:00Z'),
    );
  });

  it('reads valid values into typed settings', () => {
    const config = loadConfig({
      PORT: '4000',
      DATABASE_URL: 'postgres://db/roundtable',
      PUBLIC_URL: 'https://roundtable.example.org//',
      COOKIE_SECURE: 'true',
      OUTBOX_POLL_MS: '800',
      LIBRARY_MAX_UPLOAD_MB: '0.5',
      COLLAB_SESSION_CHECK_SECONDS: '1',
      REMINDER_SWEEP_SECONDS: '1',
    });
    expect(config).toMatchObject({
      port: 4000,
      demo: false,
      publicUrl: 'https://roundtable.example.org',
      publicBaseUrl: 'https://roundtable.example.org',
      cookieSecure: true,
      libraryMaxUploadMb: 0.5,
      reminderSweepSeconds: 1,
    });
    expect(config.outbox.pollMs).toBe(800);
    expect(config.collab.sessionCheckSeconds).toBe(1);
  });

  it('warns when PUBLIC_URL is unset outside demo mode', () => {
    const server = loadConfig({ DATABASE_URL: 'postgres://db/roundtable' });
    expect(configWarnings(server)).toEqual([expect.stringMatching(/^PUBLIC_URL is not set/)]);
    expect(
      configWarnings(loadConfig({ DATABASE_URL: 'postgres://db/x', PUBLIC_URL: 'https://roundtable.example.org' })),
    ).toEqual([]);
    expect(configWarnings(loadConfig({ DEMO: 'false' }))).toEqual([expect.stringMatching(/^PUBLIC_URL is not set/)]);
  });

  it('reads every variable it documents, and documents every variable it reads', () => {
    expect(variablesRead().sort()).toEqual(CONFIG_VARIABLES.map(([name]) => name).sort());
  });
});

describe('config()', () => {
  const saved = process.env.PORT;
  afterEach(() => {
    if (saved === undefined) delete process.env.PORT;
    else process.env.PORT = saved;
  });

  it('reads the environment again when a variable changes, and refuses a bad value then', () => {
    process.env.PORT = '4100';
    expect(config().port).toBe(4100);
    process.env.PORT = '4200';
    expect(config().publicBaseUrl).toBe('http://localhost:4200');
    process.env.PORT = 'x';
    expect(() => config()).toThrow(/PORT="x"/);
  });
});
