export interface PythonProjectOptions {
  modules?: number;
  errorsPerModule?: number;
  warningsPerModule?: number;
  testFiles?: number;
  testsPerFile?: number;
  failingEvery?: number;
}
export function writePythonProject(dir: string, options?: PythonProjectOptions): { modules: number; tests: number };
