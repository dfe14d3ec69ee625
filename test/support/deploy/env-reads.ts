/**
 * Every environment variable a TypeScript tree reads, found with the compiler's type
 * checker rather than a regex, so reads through a helper or a constant count:
 *
 * - `env.X`, `process.env.X`, `io.env.X` (property access on an environment object);
 * - `env['X']`, `env[NAME]` where NAME is a string constant;
 * - `const { X } = env`;
 * - `helper(env, 'X', 'Y')`, `envValue(env, API_KEY_VARIABLE)`: a call that is handed an
 *   environment object, with string-constant arguments shaped like variable names.
 *
 * An environment object is an expression whose name ends in `env` and whose type is a
 * string-keyed record (`NodeJS.ProcessEnv`, `Record<string, string | undefined>`), so
 * `this.env.session` (a run's context, not the process environment) is not one.
 * Writes (`env.X = …`) are not reads.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface EnvRead {
  name: string;
  /** `src/app/main.ts:44`, relative to the root given. */
  where: string;
  file: string;
}

const VARIABLE = /^[A-Z][A-Z0-9_]*$/;

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(c|m)?ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

function isEnvObject(checker: ts.TypeChecker, expr: ts.Expression): boolean {
  const name = ts.isIdentifier(expr) ? expr.text : ts.isPropertyAccessExpression(expr) ? expr.name.text : undefined;
  if (!name || !/env$/i.test(name)) return false;
  const type = checker.getTypeAtLocation(expr);
  const index = type.getStringIndexType() ?? checker.getNonNullableType(type).getStringIndexType();
  if (!index) return false;
  const parts = index.isUnion() ? index.types : [index];
  return parts.some((t) => (t.flags & ts.TypeFlags.String) !== 0);
}

/** The string values an expression can only be (a literal, a constant, a union of them). */
function literalStrings(checker: ts.TypeChecker, expr: ts.Expression): string[] {
  if (ts.isStringLiteralLike(expr)) return [expr.text];
  const type = checker.getTypeAtLocation(expr);
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((t) => t.isStringLiteral()) ? parts.map((t) => (t as ts.StringLiteralType).value) : [];
}

function isWritten(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

/** The reads in `files` (the program also loads what they import, for the types). */
export function envReads(root: string, files: readonly string[]): EnvRead[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  // Packages' own types are never loaded (their imports resolve to nothing, so `any`): no
  // environment object is typed by a package, and it cuts the time several-fold. Relative
  // imports and @types/node (`process.env`, `node:*`) resolve as usual.
  const options = { ...(config?.options ?? {}), noEmit: true };
  const host = ts.createCompilerHost(options);
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts) =>
    literals.map((literal) =>
      literal.text.startsWith('.') ? ts.resolveModuleName(literal.text, containingFile, opts, host, undefined, redirected) : { resolvedModule: undefined },
    );
  const program = ts.createProgram({ rootNames: [...files], options, host });
  const checker = program.getTypeChecker();
  const reads: EnvRead[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not in the program`);
    const add = (name: string, node: ts.Node) => {
      if (!VARIABLE.test(name)) return;
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const rel = relative(root, file).split('\\').join('/');
      reads.push({ name, where: `${rel}:${line}`, file: rel });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && !isWritten(node) && isEnvObject(checker, node.expression)) add(node.name.text, node);
      else if (ts.isElementAccessExpression(node) && !isWritten(node) && isEnvObject(checker, node.expression)) {
        for (const value of literalStrings(checker, node.argumentExpression)) add(value, node);
      } else if (ts.isCallExpression(node) && node.arguments.some((a) => isEnvObject(checker, a))) {
        for (const arg of node.arguments) for (const value of literalStrings(checker, arg)) add(value, arg);
      } else if (ts.isVariableDeclaration(node) && node.initializer && ts.isObjectBindingPattern(node.name) && isEnvObject(checker, node.initializer)) {
        for (const element of node.name.elements) {
          const key = element.propertyName ?? element.name;
          if (ts.isIdentifier(key) || ts.isStringLiteral(key)) add(key.text, element);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return reads;
}

/**
 * The files `entries` load, following relative imports (`./x.js` is `./x.ts`), static and
 * dynamic: what one process entry can run.
 */
export function reachableFrom(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = entries.map((e) => resolve(e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const info = ts.preProcessFile(ts.sys.readFile(file) ?? '', true, true);
    for (const imported of info.importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), imported.fileName).replace(/\.(c|m)?js$/, (ext) => ext.replace('js', 'ts'));
      if (ts.sys.fileExists(target)) queue.push(target);
    }
  }
  return seen;
}
