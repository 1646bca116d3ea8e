import { tmpdir } from 'os';
import { join } from 'path';

/** Where global setup leaves the admin URL for processes that do not inherit Jest's environment. */
export const TEST_STATE_FILE = join(tmpdir(), `roundtable-test-state-${process.ppid}-${process.pid}.json`);
