/**
 * The environment of a gate process: the user's, less everything that is not needed to
 * run a tool and could be a secret. Code under test is code a pull request (or the
 * agent) wrote; it must not see the action's token, the runner's runtime and OIDC
 * tokens, the model key or the app's key.
 *
 * What passes: an allow-list of variables tools and test suites need (PATH, HOME, the
 * temp directory, locale, the Windows system variables, Python and virtualenv variables,
 * the display for GUI tests, CI markers), what the gate's configuration names in
 * `passEnv`, and the gate's own `env` settings. Nothing is added: no NO_COLOR,
 * FORCE_COLOR, PY_COLORS, PYTHONUTF8 or PYTHONIOENCODING, which test suites read and
 * which change what they do (a test passing under plain pytest must pass under the
 * gate). Colour and output format go through the tools' own flags instead
 * (`pytest --color=no`, `ruff --output-format=json`, `basedpyright --outputjson`), and
 * the parsers read UTF-8 that the tools write themselves (ruff and basedpyright always,
 * pytest's JUnit file always), so no encoding variable is needed on Windows either.
 */
import { isSecretName } from '../pipeline/redact.js';

/** Exact names that pass (case-insensitively: Windows spells `Path`, `SystemRoot`). */
const ALLOWED = new Set(
  [
    // Finding programs and a home.
    'PATH', 'PATHEXT', 'HOME', 'USER', 'USERNAME', 'LOGNAME', 'SHELL', 'TMPDIR', 'TEMP', 'TMP', 'TZ', 'TERM',
    // Locale.
    'LANG', 'LANGUAGE',
    // Windows: programs fail in odd ways without these.
    'SYSTEMROOT', 'SYSTEMDRIVE', 'WINDIR', 'COMSPEC', 'USERPROFILE', 'HOMEDRIVE', 'HOMEPATH', 'APPDATA', 'LOCALAPPDATA', 'PROGRAMDATA',
    'PROGRAMFILES', 'PROGRAMFILES(X86)', 'PROGRAMW6432', 'COMMONPROGRAMFILES', 'COMMONPROGRAMFILES(X86)', 'COMMONPROGRAMW6432',
    'PUBLIC', 'ALLUSERSPROFILE', 'NUMBER_OF_PROCESSORS', 'PROCESSOR_ARCHITECTURE', 'PROCESSOR_IDENTIFIER', 'OS', 'COMPUTERNAME',
    // Python environments.
    'VIRTUAL_ENV', 'VIRTUAL_ENV_PROMPT', 'CONDA_PREFIX', 'CONDA_DEFAULT_ENV', 'CONDA_EXE', 'CONDA_PYTHON_EXE', 'CONDA_SHLVL',
    'PYENV_ROOT', 'PYENV_VERSION', 'PIPENV_ACTIVE', 'POETRY_ACTIVE', 'UV_PYTHON', 'PIP_INDEX_URL',
    // GUI test suites (Qt, Tk) on a display or offscreen.
    'DISPLAY', 'WAYLAND_DISPLAY', 'XDG_RUNTIME_DIR', 'XAUTHORITY', 'XDG_SESSION_TYPE', 'LD_LIBRARY_PATH', 'DYLD_LIBRARY_PATH', 'DYLD_FALLBACK_LIBRARY_PATH',
    // Test suites that behave differently on CI; none of these is a secret.
    'CI', 'GITHUB_ACTIONS', 'RUNNER_OS', 'RUNNER_ARCH',
  ].map((n) => n.toUpperCase()),
);

/** Prefixes that pass: locale categories, Python's own variables, pytest's, Qt's. */
const ALLOWED_PREFIXES = ['LC_', 'PYTHON', 'PYTEST_', 'QT_', 'XDG_CONFIG_', 'XDG_DATA_'];

/** The app's own credentials, by the names it reads them from. */
const APP_SECRETS = new Set(['PRIVATE_KEY', 'WEBHOOK_SECRET', 'GITHUB_CLIENT_SECRET', 'GITHUB_TOKEN', 'GH_TOKEN', 'DATABASE_URL', 'APP_ID', 'GITHUB_APP_ID']);

/**
 * Never passed, even when `passEnv` names them: the action's inputs (its `github-token`
 * among them), the runner's runtime, cache and OIDC tokens (`ACTIONS_*`), the model's
 * credentials (`ANTHROPIC_*`, `AWS_*`, `GOOGLE_*` for Bedrock and Vertex) and the app's.
 */
export function isForbiddenName(name: string): boolean {
  const upper = name.toUpperCase();
  return ['INPUT_', 'ACTIONS_', 'ANTHROPIC_', 'AWS_', 'GOOGLE_', 'CLOUDSDK_'].some((p) => upper.startsWith(p)) || APP_SECRETS.has(upper);
}

/** Allowed without being named, unless the name says it holds a secret (`PYTHON_KEYRING_PASSWORD`). */
function allowedByDefault(upper: string): boolean {
  return (ALLOWED.has(upper) || ALLOWED_PREFIXES.some((p) => upper.startsWith(p))) && !isSecretName(upper);
}

/** A `passEnv` entry: an exact name, or a prefix ending in `*` (`MYAPP_*`). */
function matchesPassEnv(upper: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => {
    const pattern = p.toUpperCase();
    return pattern.endsWith('*') ? upper.startsWith(pattern.slice(0, -1)) : upper === pattern;
  });
}

export interface GateEnvSettings {
  /** Extra variable names (or `PREFIX_*`) to pass from the caller's environment. */
  passEnv?: readonly string[];
  /** Values the gate's configuration sets. */
  env?: Readonly<Record<string, string>>;
  /** Variables to drop even if allowed (a definition's `unsetEnv`, e.g. `RUFF_OUTPUT_FORMAT`). */
  unset?: readonly string[];
}

/**
 * The environment a gate's process gets; see the file comment. `passEnv` may name a
 * variable that looks secret (a test database's password: the user's choice, and its
 * value is still redacted from every report), never a forbidden one. The gate's own
 * `env` values come from the configuration, a file in the repository, not from this
 * process: they are set as written.
 */
export function gateEnvironment(base: Record<string, string | undefined>, settings: GateEnvSettings = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const unset = new Set((settings.unset ?? []).map((n) => n.toUpperCase()));
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined) continue;
    const upper = name.toUpperCase();
    if (unset.has(upper) || isForbiddenName(upper)) continue;
    if (allowedByDefault(upper) || matchesPassEnv(upper, settings.passEnv ?? [])) out[name] = value;
  }
  return { ...out, ...settings.env };
}
