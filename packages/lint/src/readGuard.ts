/** A guard read statically: true, false, or decided only at run time. */
export type Tri = 'T' | 'F' | '?';

/**
 * How a transition reads for one design: `actual` as the design runs,
 * `intended` as the design means it to (a route it offers but cannot take
 * is `F` actually and `?` intended; a route it does not offer is `F` both).
 */
export interface Reading {
  readonly actual: Tri;
  readonly intended: Tri;
}

function and3(a: Tri, b: Tri): Tri {
  return a === 'F' || b === 'F' ? 'F' : a === 'T' && b === 'T' ? 'T' : '?';
}
function or3(a: Tri, b: Tri): Tri {
  return a === 'T' || b === 'T' ? 'T' : a === 'F' && b === 'F' ? 'F' : '?';
}
function not3(value: Tri): Tri {
  return value === 'T' ? 'F' : value === 'F' ? 'T' : '?';
}

/** Both readings of a conjunction. */
export function both(a: Reading, b: Reading): Reading {
  return {
    actual: and3(a.actual, b.actual),
    intended: and3(a.intended, b.intended),
  };
}

interface GuardTree {
  readonly name: string;
  readonly args: readonly GuardTree[];
}

const parsed = new Map<string, GuardTree>();

/** Parses a guard name as machineGraph prints it: `and(may, not(lastStep))`. */
export function parseGuard(text: string): GuardTree {
  const known = parsed.get(text);
  if (known) return known;
  let at = 0;
  const tree = (): GuardTree => {
    const start = at;
    while (at < text.length && !'(),'.includes(text[at] ?? '')) at++;
    const name = text.slice(start, at).trim();
    const args: GuardTree[] = [];
    if (text[at] === '(') {
      at++;
      while (at < text.length && text[at] !== ')') {
        args.push(tree());
        if (text[at] === ',') at++;
      }
      at++;
    }
    return { name, args };
  };
  const result = tree();
  parsed.set(text, result);
  return result;
}

const ALWAYS: Reading = { actual: 'T', intended: 'T' };
const NEVER: Reading = { actual: 'F', intended: 'F' };
const OPEN: Reading = { actual: '?', intended: '?' };

function readTree(tree: GuardTree, atom: (name: string) => Reading): Reading {
  switch (tree.name) {
    case 'and': {
      let value = ALWAYS;
      for (const arg of tree.args) value = both(value, readTree(arg, atom));
      return value;
    }
    case 'or': {
      let value = NEVER;
      for (const arg of tree.args) {
        const part = readTree(arg, atom);
        value = {
          actual: or3(value.actual, part.actual),
          intended: or3(value.intended, part.intended),
        };
      }
      return value;
    }
    case 'not': {
      const [inner] = tree.args;
      if (!inner) return OPEN;
      const part = readTree(inner, atom);
      return { actual: not3(part.actual), intended: not3(part.intended) };
    }
    default:
      return atom(tree.name);
  }
}

/** Reads a guard from its atoms; `and`, `or` and `not` combine them. */
export function readGuard(
  guard: string | null,
  atom: (name: string) => Reading,
): Reading {
  return guard === null ? ALWAYS : readTree(parseGuard(guard), atom);
}
