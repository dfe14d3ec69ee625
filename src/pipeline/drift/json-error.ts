/**
 * Where JSON text first goes wrong. `JSON.parse` says what is wrong but, in current V8,
 * not where; a person fixing a hand-merged lock file needs the line. A small validating
 * scanner (RFC 8259 grammar, no values built), linear and iterative, so a 16 MiB file of
 * `[[[[…` cannot overflow the stack.
 */

/** The 0-based offset of the first syntax error in `text`, or undefined when it is valid JSON. */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };
  const scalar = (): boolean => {
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '') return false;
    i += m[0].length;
    return true;
  };
  // Containers still open, innermost last; `expect` says what may come next.
  const stack: Array<'{' | '['> = [];
  let expect: 'value' | 'key' | 'after-value' | 'colon' = 'value';
  ws();
  while (true) {
    if (expect === 'value') {
      if (i >= n) return i;
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expect = 'after-value';
        } else expect = c === '{' ? 'key' : 'value';
      } else if (c === '"') {
        if (!string()) return i;
        expect = 'after-value';
      } else {
        if (!scalar()) return i;
        expect = 'after-value';
      }
    } else if (expect === 'key') {
      if (!string()) return i;
      expect = 'colon';
    } else if (expect === 'colon') {
      if (text[i] !== ':') return i;
      i++;
      expect = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i >= n ? undefined : i;
      if (text[i] === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if (text[i] === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else return i;
    }
    ws();
  }
}
