// The gates keep their caches in the user cache directory: every test file gets its own,
// so no test reads another's entries and nothing is left in the real home.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const home = mkdtempSync(join(tmpdir(), 'spec-automation-test-cache-'));
process.env.XDG_CACHE_HOME = home;
if (process.platform === 'win32') process.env.LOCALAPPDATA = home;
afterAll(() => rmSync(home, { recursive: true, force: true }));
