/**
 * A strict JUnit schema as code: the elements, attributes, required attributes, child
 * order and value types of Jenkins' junit-10.xsd (the schema pytest's xunit2 family
 * targets and strict readers check against), applied to a parsed document. Written here
 * from the schema's rules rather than run through an XSD engine, because no XSD
 * validator installs from npm without native code; every rule below is one the XSD
 * states. Returns the violations, each with the element path: empty means valid.
 */
import { XMLParser } from 'fast-xml-parser';

interface ElementRule {
  attributes: Record<string, 'string' | 'integer' | 'decimal' | 'timestamp'>;
  required: string[];
  /** Children in the order the sequence allows; `max` 1 or unbounded. */
  children: Array<{ name: string; max: 1 | 'n' }>;
  /** Text content allowed (mixed or simple content). */
  text: boolean;
}

const TIME = /^(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\.[0-9]{0,3})?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

const RULES: Record<string, ElementRule> = {
  testsuites: {
    attributes: { name: 'string', time: 'decimal', tests: 'integer', failures: 'integer', disabled: 'integer', errors: 'integer' },
    required: [],
    children: [{ name: 'testsuite', max: 'n' }],
    text: false,
  },
  testsuite: {
    attributes: {
      name: 'string', tests: 'integer', failures: 'integer', errors: 'integer', group: 'string', time: 'decimal', disabled: 'integer', skipped: 'integer',
      timestamp: 'timestamp', hostname: 'string', id: 'string', package: 'string', file: 'string', log: 'string', url: 'string', version: 'string',
    },
    required: ['name', 'tests'],
    children: [{ name: 'properties', max: 1 }, { name: 'testcase', max: 'n' }, { name: 'system-out', max: 1 }, { name: 'system-err', max: 1 }],
    text: false,
  },
  properties: { attributes: {}, required: [], children: [{ name: 'property', max: 'n' }], text: false },
  property: { attributes: { name: 'string', value: 'string' }, required: ['name', 'value'], children: [], text: false },
  testcase: {
    attributes: { name: 'string', assertions: 'string', time: 'decimal', classname: 'string', status: 'string', group: 'string' },
    required: ['name'],
    children: [{ name: 'skipped', max: 1 }, { name: 'error', max: 'n' }, { name: 'failure', max: 'n' }, { name: 'system-out', max: 'n' }, { name: 'system-err', max: 'n' }],
    text: false,
  },
  skipped: { attributes: { message: 'string' }, required: [], children: [], text: true },
  error: { attributes: { message: 'string', type: 'string' }, required: [], children: [], text: true },
  failure: { attributes: { message: 'string', type: 'string' }, required: [], children: [], text: true },
  'system-out': { attributes: {}, required: [], children: [], text: true },
  'system-err': { attributes: {}, required: [], children: [], text: true },
};

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false, trimValues: false });

function nameOf(node: Node): string {
  return Object.keys(node).find((k) => k !== ':@')!;
}

function checkValue(kind: string, value: string): boolean {
  switch (kind) {
    case 'integer':
      return /^-?\d+$/.test(value);
    case 'decimal':
      return TIME.test(value) && value !== '';
    case 'timestamp':
      return TIMESTAMP.test(value);
    default:
      return true;
  }
}

function check(node: Node, path: string, errors: string[]): void {
  const name = nameOf(node);
  const rule = RULES[name];
  const where = `${path}/${name}`;
  if (!rule) {
    errors.push(`${where}: element not allowed`);
    return;
  }
  const attrs = node[':@'] ?? {};
  for (const [attr, value] of Object.entries(attrs)) {
    const kind = rule.attributes[attr];
    if (!kind) errors.push(`${where}: attribute "${attr}" not allowed`);
    else if (!checkValue(kind, value)) errors.push(`${where}: attribute "${attr}" is not a valid ${kind}: "${value}"`);
  }
  for (const attr of rule.required) if (!(attr in attrs)) errors.push(`${where}: required attribute "${attr}" missing`);
  const children = (node[name] as Node[]) ?? [];
  let position = 0;
  let countAtPosition = 0;
  for (const child of children) {
    const childName = nameOf(child);
    if (childName === '#text') {
      if (!rule.text && String(child['#text']).trim() !== '') errors.push(`${where}: text not allowed`);
      continue;
    }
    const index = rule.children.findIndex((c, i) => i >= position && c.name === childName);
    if (index === -1) {
      errors.push(`${where}: <${childName}> not allowed here (order: ${rule.children.map((c) => c.name).join(', ') || 'no children'})`);
      continue;
    }
    if (index !== position) [position, countAtPosition] = [index, 0];
    countAtPosition += 1;
    if (rule.children[index]!.max === 1 && countAtPosition > 1) errors.push(`${where}: more than one <${childName}>`);
    check(child, where, errors);
  }
}

/** Violations of the strict JUnit schema in `xml`; `[]` when it is valid. */
export function strictJunitViolations(xml: string): string[] {
  const document = parser.parse(xml) as Node[];
  const roots = document.filter((n) => nameOf(n) !== '?xml' && nameOf(n) !== '#text');
  if (roots.length !== 1) return [`expected one root element, found ${roots.length}`];
  const root = roots[0]!;
  if (nameOf(root) !== 'testsuites' && nameOf(root) !== 'testsuite') return [`root element <${nameOf(root)}> is not <testsuites> or <testsuite>`];
  const errors: string[] = [];
  check(root, '', errors);
  return errors;
}
