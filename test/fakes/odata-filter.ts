/**
 * The part of OData `$filter` that SharePoint list items accept through Graph: comparisons of
 * `fields/Name` with a string ('' escapes a quote), number or null, joined by and/or, in
 * parentheses. Parsing is strict, so a query built from unescaped input fails here as in Graph.
 * Text compares as SharePoint compares it, without regard to case (its collation: "A1" eq "a1");
 * the Graph documentation is silent, so the stricter choice for a client is taken.
 */
export type FilterNode =
  | { kind: 'compare'; field: string; op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'; value: string | number | null }
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode };

export class FilterSyntaxError extends Error {}

const TOKEN = /\s*(?:(\()|(\))|'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)(?![\w/])|([A-Za-z_][\w/]*))/y;

type Token = { type: 'open' | 'close' | 'string' | 'number' | 'word'; text: string };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < input.length) {
    if (/^\s*$/.test(input.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(input);
    if (!m) throw new FilterSyntaxError(`Invalid filter clause at position ${at}`);
    if (m[1]) tokens.push({ type: 'open', text: '(' });
    else if (m[2]) tokens.push({ type: 'close', text: ')' });
    else if (m[3] !== undefined) tokens.push({ type: 'string', text: m[3].replace(/''/g, "'") });
    else if (m[4] !== undefined) tokens.push({ type: 'number', text: m[4] });
    else tokens.push({ type: 'word', text: m[5] ?? '' });
  }
  return tokens;
}

export function parseFilter(input: string): FilterNode {
  const tokens = tokenize(input);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const fail = (): never => {
    throw new FilterSyntaxError('Invalid filter clause');
  };

  const primary = (): FilterNode => {
    const token = tokens[pos++] ?? fail();
    if (token.type === 'open') {
      const inner = or();
      if (tokens[pos++]?.type !== 'close') fail();
      return inner;
    }
    if (token.type !== 'word' || !token.text.startsWith('fields/')) return fail();
    const op = tokens[pos++];
    if (op?.type !== 'word' || !['eq', 'ne', 'lt', 'le', 'gt', 'ge'].includes(op.text)) return fail();
    const literal = tokens[pos++] ?? fail();
    let value: string | number | null;
    if (literal.type === 'string') value = literal.text;
    else if (literal.type === 'number') value = Number(literal.text);
    else if (literal.type === 'word' && literal.text === 'null') value = null;
    else return fail();
    return {
      kind: 'compare',
      field: token.text.slice('fields/'.length),
      op: op.text as 'eq',
      value,
    };
  };
  const and = (): FilterNode => {
    let left = primary();
    while (peek()?.type === 'word' && peek()?.text === 'and') {
      pos++;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): FilterNode => {
    let left = and();
    while (peek()?.type === 'word' && peek()?.text === 'or') {
      pos++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };

  const tree = or();
  if (pos !== tokens.length) fail();
  return tree;
}

export function fieldsIn(node: FilterNode): string[] {
  return node.kind === 'compare' ? [node.field] : [...fieldsIn(node.left), ...fieldsIn(node.right)];
}

export function matches(node: FilterNode, fields: Record<string, unknown>): boolean {
  if (node.kind !== 'compare') {
    return node.kind === 'and'
      ? matches(node.left, fields) && matches(node.right, fields)
      : matches(node.left, fields) || matches(node.right, fields);
  }
  const fold = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
  const actual = fold(fields[node.field] ?? null);
  const wanted = fold(node.value);
  if (node.op === 'eq') return actual === wanted;
  if (node.op === 'ne') return actual !== wanted;
  if (actual === null || wanted === null) return false;
  const [a, b] = [actual as string | number, wanted as string | number];
  if (node.op === 'lt') return a < b;
  if (node.op === 'le') return a <= b;
  if (node.op === 'gt') return a > b;
  return a >= b;
}
