import { CASE_PRIORITIES, type CasePriority, isRfc3339 } from '../../shared/api';
import { queryTokens } from './text-index';

// Tokenizer + recursive-descent parser for the cases.list `filter` and
// cases.search `query` grammars (docs §1.6), following Google's filtering
// syntax (AIP-160): OR binds tighter than AND, juxtaposition means AND, NOT and
// `-` negate, parentheses group. Errors carry the character position.

export class QuerySyntaxError extends Error {}

type Lexeme =
  | { t: '(' | ')' | 'AND' | 'OR' | 'NOT' | '-'; pos: number }
  | { t: 'op'; op: string; pos: number }
  | { t: 'string'; value: string; pos: number }
  | { t: 'word'; value: string; pos: number };

const OPS = ['>=', '<=', '!=', '=', '>', '<', ':'];

function lex(src: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      out.push({ t: ch, pos: i });
      i++;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op !== undefined) {
      out.push({ t: 'op', op, pos: i });
      i += op.length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new QuerySyntaxError(`unterminated string starting at position ${start}`);
        const c = src[i] as string;
        if (c === '\\' && i + 1 < src.length) {
          value += src[i + 1];
          i += 2;
          continue;
        }
        if (c === ch) {
          i++;
          break;
        }
        value += c;
        i++;
      }
      out.push({ t: 'string', value, pos: start });
      continue;
    }
    if (
      ch === '-' &&
      (out.length === 0 || ['(', 'AND', 'OR', 'NOT'].includes(out[out.length - 1]?.t ?? '') || /\s/.test(src[i - 1] ?? ' '))
    ) {
      // A leading minus is negation; inside a word (e-mail) it is part of the word.
      out.push({ t: '-', pos: i });
      i++;
      continue;
    }
    const start = i;
    while (i < src.length && !/[\s()"'<>=!:]/.test(src[i] as string)) i++;
    if (i === start) throw new QuerySyntaxError(`unexpected character '${ch}' at position ${i}`);
    const value = src.slice(start, i);
    if (value === 'AND' || value === 'OR' || value === 'NOT') out.push({ t: value, pos: start });
    else out.push({ t: 'word', value, pos: start });
  }
  return out;
}

export type RawNode =
  | { kind: 'and' | 'or'; items: RawNode[] }
  | { kind: 'not'; item: RawNode }
  | { kind: 'cmp'; field: string; op: string; value: string; pos: number }
  | { kind: 'text'; text: string; pos: number };

/** Deepest nesting of parentheses and negations a filter may have; beyond it a query is a 400, never a stack overflow. */
export const MAX_QUERY_DEPTH = 32;

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly lx: Lexeme[]) {}

  private peek(): Lexeme | undefined {
    return this.lx[this.i];
  }

  private describe(l: Lexeme | undefined): string {
    if (l === undefined) return 'end of query';
    if (l.t === 'word' || l.t === 'string') return `'${l.value}' at position ${l.pos}`;
    if (l.t === 'op') return `'${l.op}' at position ${l.pos}`;
    return `'${l.t}' at position ${l.pos}`;
  }

  parse(): RawNode {
    const node = this.expression();
    const rest = this.peek();
    if (rest !== undefined) throw new QuerySyntaxError(`unexpected ${this.describe(rest)}`);
    return node;
  }

  private expression(): RawNode {
    const items = [this.sequence()];
    while (this.peek()?.t === 'AND') {
      this.i++;
      items.push(this.sequence());
    }
    return items.length === 1 ? (items[0] as RawNode) : { kind: 'and', items };
  }

  private startsFactor(l: Lexeme | undefined): boolean {
    return l !== undefined && (l.t === '(' || l.t === 'NOT' || l.t === '-' || l.t === 'word' || l.t === 'string');
  }

  private sequence(): RawNode {
    const items = [this.factor()];
    while (this.startsFactor(this.peek())) items.push(this.factor());
    return items.length === 1 ? (items[0] as RawNode) : { kind: 'and', items };
  }

  private factor(): RawNode {
    const items = [this.term()];
    while (this.peek()?.t === 'OR') {
      this.i++;
      items.push(this.term());
    }
    return items.length === 1 ? (items[0] as RawNode) : { kind: 'or', items };
  }

  private term(): RawNode {
    const l = this.peek();
    if (l?.t === 'NOT' || l?.t === '-') {
      this.i++;
      return { kind: 'not', item: this.nested(() => this.simple()) };
    }
    return this.simple();
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_QUERY_DEPTH) throw new QuerySyntaxError(`query nests deeper than ${MAX_QUERY_DEPTH} levels`);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private simple(): RawNode {
    const l = this.peek();
    if (l === undefined) throw new QuerySyntaxError('unexpected end of query: expected a restriction');
    if (l.t === '(') {
      this.i++;
      const inner = this.nested(() => this.expression());
      const close = this.peek();
      if (close?.t !== ')') throw new QuerySyntaxError(`expected ')' to close '(' at position ${l.pos}, found ${this.describe(close)}`);
      this.i++;
      return inner;
    }
    if (l.t === 'word' || l.t === 'string') {
      this.i++;
      const op = this.peek();
      if (op?.t === 'op') {
        if (l.t === 'string') throw new QuerySyntaxError(`a quoted string cannot be a field name (position ${l.pos})`);
        this.i++;
        const v = this.peek();
        if (v?.t !== 'word' && v?.t !== 'string')
          throw new QuerySyntaxError(`expected a value after '${op.op}' at position ${op.pos}, found ${this.describe(v)}`);
        this.i++;
        return { kind: 'cmp', field: l.value, op: op.op, value: v.value, pos: l.pos };
      }
      return { kind: 'text', text: l.value, pos: l.pos };
    }
    throw new QuerySyntaxError(`unexpected ${this.describe(l)}`);
  }
}

export type CaseCondition =
  | { kind: 'and' | 'or'; items: CaseCondition[] }
  | { kind: 'not'; item: CaseCondition }
  | { kind: 'open'; open: boolean }
  | { kind: 'priority'; priority: CasePriority }
  | { kind: 'creator'; email: string }
  | { kind: 'updatedAfter'; ms: number }
  | { kind: 'text'; tokens: string[] };

export type QueryMode = 'filter' | 'search';

const FIELD_HELP = 'supported fields: state, priority, creator.email, update_time (cases.search only), free text (cases.search only)';

function compile(node: RawNode, mode: QueryMode): CaseCondition {
  switch (node.kind) {
    case 'and':
    case 'or':
      return { kind: node.kind, items: node.items.map((n) => compile(n, mode)) };
    case 'not':
      return { kind: 'not', item: compile(node.item, mode) };
    case 'text': {
      if (mode === 'filter')
        throw new QuerySyntaxError(`free text ('${node.text}' at position ${node.pos}) is only supported by cases.search; ${FIELD_HELP}`);
      const tokens = queryTokens(node.text);
      if (tokens.length === 0) throw new QuerySyntaxError(`free text at position ${node.pos} contains no searchable words`);
      return { kind: 'text', tokens };
    }
    case 'cmp':
      return compileComparison(node, mode);
  }
}

function compileComparison(node: Extract<RawNode, { kind: 'cmp' }>, mode: QueryMode): CaseCondition {
  const { field, op, value, pos } = node;
  const needEq = (): void => {
    if (op !== '=') throw new QuerySyntaxError(`operator '${op}' is not supported for ${field} (position ${pos}); use '='`);
  };
  switch (field) {
    case 'state': {
      needEq();
      // Documented values are OPEN and CLOSED only.
      if (value === 'OPEN' || value === 'CLOSED') return { kind: 'open', open: value === 'OPEN' };
      throw new QuerySyntaxError(`invalid state '${value}' at position ${pos}; expected OPEN or CLOSED`);
    }
    case 'priority': {
      needEq();
      if ((CASE_PRIORITIES as readonly string[]).includes(value) && value !== 'PRIORITY_UNSPECIFIED')
        return { kind: 'priority', priority: value as CasePriority };
      throw new QuerySyntaxError(`invalid priority '${value}' at position ${pos}; expected P0, P1, P2, P3 or P4`);
    }
    case 'creator.email':
      needEq();
      return { kind: 'creator', email: value.toLowerCase() };
    case 'update_time':
    case 'updateTime': {
      if (mode === 'filter') throw new QuerySyntaxError(`${field} is only supported by cases.search (position ${pos})`);
      if (op !== '>') throw new QuerySyntaxError(`only '>' is supported for ${field} (position ${pos})`);
      if (!isRfc3339(value))
        throw new QuerySyntaxError(`${field} needs an RFC 3339 timestamp such as "2026-01-01T00:00:00Z", got '${value}' (position ${pos})`);
      return { kind: 'updatedAfter', ms: Date.parse(value) };
    }
    default:
      throw new QuerySyntaxError(`unknown field '${field}' at position ${pos}; ${FIELD_HELP}`);
  }
}

/** Parses a filter/query; empty input means "everything" (undefined). Throws QuerySyntaxError. */
export function parseCaseQuery(src: string, mode: QueryMode): CaseCondition | undefined {
  if (src.trim() === '') return undefined;
  const lexemes = lex(src);
  return compile(new Parser(lexemes).parse(), mode);
}

/** `display_name:"*mail*"` grammar of caseClassifications.search, as a predicate over display names. */
export function parseClassificationQuery(src: string): ((displayName: string) => boolean) | undefined {
  if (src.trim() === '') return undefined;
  const node = new Parser(lex(src)).parse();
  const build = (n: RawNode): ((s: string) => boolean) => {
    switch (n.kind) {
      case 'and': {
        const parts = n.items.map(build);
        return (s) => parts.every((p) => p(s));
      }
      case 'or': {
        const parts = n.items.map(build);
        return (s) => parts.some((p) => p(s));
      }
      case 'not': {
        const inner = build(n.item);
        return (s) => !inner(s);
      }
      case 'text': {
        const needle = n.text.toLowerCase();
        return (s) => s.toLowerCase().includes(needle);
      }
      case 'cmp': {
        if (n.field !== 'display_name' && n.field !== 'displayName')
          throw new QuerySyntaxError(`unknown field '${n.field}' at position ${n.pos}; supported: display_name`);
        if (n.op !== ':' && n.op !== '=') throw new QuerySyntaxError(`operator '${n.op}' is not supported for display_name; use ':'`);
        const escaped = n.value
          .toLowerCase()
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*');
        const re = new RegExp(n.op === ':' && !n.value.includes('*') ? escaped : `^${escaped}$`, 's');
        return (s) => re.test(s.toLowerCase());
      }
    }
  };
  return build(node);
}
