/** Reading a report file a tool wrote (JUnit, SARIF), bounded in size. */
import { readFile, stat } from 'node:fs/promises';

/** Per stream, and for report files. */
export const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** Marks a report past {@link MAX_OUTPUT_BYTES}: its content is not read, and not trusted. */
export const REPORT_TOO_LARGE = '\0too-large';

/** The report's text; undefined when there is none or it is empty; {@link REPORT_TOO_LARGE} past the bound. */
export async function readReport(path: string): Promise<string | undefined> {
  try {
    const s = await stat(path);
    if (!s.isFile() || s.size === 0) return undefined;
    if (s.size > MAX_OUTPUT_BYTES) return REPORT_TOO_LARGE;
    // Decoded in one piece: `readFile(path, 'utf8')` joins decoded chunks into a string
    // that the first search then copies flat (another 5 MB for basedpyright's report).
    return (await readFile(path)).toString('utf8');
  } catch {
    return undefined;
  }
}
