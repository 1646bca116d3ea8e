/** Environment variable in which the e2e global setup hands the looked-up browser to every test file. */
export const CHROMIUM_ENV = 'ROUNDTABLE_TEST_CHROMIUM';
