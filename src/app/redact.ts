/**
 * Secrets never leave the app in anything it writes: comments, check runs, commit
 * messages and its own log lines go through {@link Redactor.redact} first. It removes
 * the configured secret values themselves (ANTHROPIC_API_KEY, the private key, the
 * webhook secret) and anything shaped like a key (Anthropic keys, GitHub tokens, PEM
 * blocks), in case one arrives from elsewhere (an error message quoting a header, say).
 */

const SHAPES: readonly RegExp[] = [
  /sk-ant-[A-Za-z0-9_-]{8,}/g,
  /\bgh[pousr]_[A-Za-z0-9]{20,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}\b/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
];

export const REDACTED = '[redacted]';

export class Redactor {
  readonly #values: string[];

  /** @param secrets secret values; blank and very short ones (under 8 characters) are ignored */
  constructor(secrets: readonly (string | undefined)[]) {
    const values = new Set<string>();
    for (const s of secrets) {
      if (!s || s.trim().length < 8) continue;
      values.add(s);
      // A PEM key also appears line by line, and as base64 in PRIVATE_KEY.
      for (const line of s.split(/\r?\n/)) if (line.trim().length >= 16 && !line.startsWith('-----')) values.add(line.trim());
    }
    // Longest first, so a value containing another is removed whole.
    this.#values = [...values].sort((a, b) => b.length - a.length);
  }

  /** Secrets from the environment the app runs with. */
  static fromEnv(env: Record<string, string | undefined> = process.env): Redactor {
    return new Redactor([env.ANTHROPIC_API_KEY, env.PRIVATE_KEY, env.WEBHOOK_SECRET, env.GITHUB_CLIENT_SECRET]);
  }

  redact(text: string): string {
    let out = text;
    for (const value of this.#values) if (out.includes(value)) out = out.split(value).join(REDACTED);
    for (const shape of SHAPES) out = out.replace(shape, REDACTED);
    return out;
  }
}
