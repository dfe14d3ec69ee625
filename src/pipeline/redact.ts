/**
 * The one redactor: every text that leaves the app, the action or the CLI (log lines,
 * check runs, review and state comments, state files, caches, prompts, recorded
 * sessions) goes through {@link Redactor.redact} first. It removes the secret values in
 * play (the environment's tokens and keys, the action's `github-token`, the app's
 * private key and webhook secret) and anything shaped like a key (Anthropic keys,
 * GitHub tokens, PEM blocks, AWS access keys), in case one arrives from elsewhere (a
 * test printing its environment, an error message quoting a header).
 */

const SHAPES: readonly RegExp[] = [
  /sk-ant-[A-Za-z0-9_-]{8,}/g,
  /\bgh[pousr]_[A-Za-z0-9]{20,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}\b/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
];

/** Text every match of a {@link SHAPES} entry contains: most text has none, and skips the five searches. */
const SHAPE_HINT = /sk-ant-|gh[pousr]_|github_pat_|AKIA|-----BEGIN /;

export const REDACTED = '[redacted]';

/**
 * Names of environment variables whose values are secrets: the ones the app, the action
 * and the runner use, and any name that says it holds one (`…_TOKEN`, `…_SECRET`,
 * `…PASSWORD`, `…_API_KEY`, `…PRIVATE_KEY`, `…_ACCESS_KEY`, `…CREDENTIALS`).
 */
export function isSecretName(name: string): boolean {
  const upper = name.toUpperCase();
  if (['PRIVATE_KEY', 'WEBHOOK_SECRET', 'GITHUB_CLIENT_SECRET', 'DATABASE_URL'].includes(upper)) return true;
  if (upper.startsWith('ANTHROPIC_') && !['ANTHROPIC_BASE_URL', 'ANTHROPIC_MODEL'].includes(upper)) return true;
  return /(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?)(\b|_|$)/.test(upper);
}

export class Redactor {
  readonly #values: string[];

  /** @param secrets secret values; blank and very short ones (under 8 characters) are ignored */
  constructor(secrets: readonly (string | undefined)[]) {
    const values = new Set<string>();
    for (const s of secrets) {
      if (!s || s.trim().length < 8) continue;
      values.add(s);
      if (s.trim() !== s) values.add(s.trim());
      // A PEM key also appears line by line, and as base64 in PRIVATE_KEY.
      for (const line of s.split(/\r?\n/)) if (line.trim().length >= 16 && !line.startsWith('-----')) values.add(line.trim());
      // A value printed by a workflow command or a URL arrives escaped.
      const escaped = encodeURIComponent(s);
      if (escaped !== s) values.add(escaped);
    }
    // Longest first, so a value containing another is removed whole.
    this.#values = [...values].sort((a, b) => b.length - a.length);
  }

  /** The secrets of an environment: every variable {@link isSecretName} calls secret. */
  static secretsOf(env: Record<string, string | undefined>): string[] {
    return Object.entries(env).flatMap(([name, value]) => (value !== undefined && isSecretName(name) ? [value] : []));
  }

  /** Secrets from the environment this process runs with, plus any given ones (a token input). */
  static fromEnv(env: Record<string, string | undefined> = process.env, extra: readonly (string | undefined)[] = []): Redactor {
    return new Redactor([...Redactor.secretsOf(env), ...extra]);
  }

  redact(text: string): string {
    let out = text;
    for (const value of this.#values) if (out.includes(value)) out = out.split(value).join(REDACTED);
    if (SHAPE_HINT.test(out)) for (const shape of SHAPES) out = out.replace(shape, REDACTED);
    return out;
  }

  /**
   * Every string in a JSON-like value redacted (keys included). What changes is copied;
   * an array or object with nothing to redact is returned as it is, shared (10,000
   * findings without a secret are not copied once more), so the result is never to be
   * mutated in place.
   */
  redactDeep<T>(value: T): T {
    // Findings repeat their strings (paths, rules, messages): each is redacted once.
    const seen = new Map<string, string>();
    const text = (v: string): string => {
      let out = seen.get(v);
      if (out === undefined) seen.set(v, (out = this.redact(v)));
      return out;
    };
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return text(v);
      if (Array.isArray(v)) {
        let out: unknown[] | undefined;
        for (let i = 0; i < v.length; i++) {
          const item: unknown = v[i];
          const next = walk(item);
          if (next !== item) (out ??= v.slice())[i] = next;
        }
        return out ?? v;
      }
      if (v && typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
        const record = v as Record<string, unknown>;
        const keys = Object.keys(record);
        let out: [string, unknown][] | undefined;
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i]!;
          const key = text(k);
          const item = walk(record[k]);
          if (!out && (key !== k || item !== record[k])) out = keys.slice(0, i).map((p) => [p, record[p]]);
          out?.push([key, item]);
        }
        return out ? Object.fromEntries(out) : v;
      }
      return v;
    };
    return walk(value) as T;
  }
}
