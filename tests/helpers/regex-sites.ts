/**
 * Finds every regular expression in src/ with the TypeScript compiler API,
 * so that the regex-safety test checks a new rule without anyone listing it:
 * regex literals, and `new RegExp(...)` / `RegExp(...)` whose pattern can be
 * evaluated statically (string and template literals, `+`, `const` strings
 * and string arrays of the same file, `.join(sep)`, a literal's `.source`).
 * A construction that cannot be evaluated is returned as `dynamic`: the test
 * requires those to live in a module whose exported RegExp values it checks
 * at run time (the lexicon).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface RegexSite {
  /** file:line, relative to the project root. */
  where: string;
  source: string;
  flags: string;
}

export interface DynamicSite {
  where: string;
  code: string;
}

type Value = string | string[] | RegExp | undefined;

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The `const` initializers of a file, by name (only top-level and block-level `const`). */
function constInitializers(file: ts.SourceFile): Map<string, ts.Expression> {
  const out = new Map<string, ts.Expression>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node) && node.flags & ts.NodeFlags.Const) {
      for (const d of node.declarations) if (ts.isIdentifier(d.name) && d.initializer) out.set(d.name.text, d.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

function regexFromLiteral(text: string): RegExp {
  const end = text.lastIndexOf('/');
  return new RegExp(text.slice(1, end), text.slice(end + 1));
}

/** Statically evaluates a string-, string-array- or regex-valued expression; undefined when it cannot. */
function evaluate(node: ts.Expression, consts: Map<string, ts.Expression>, seen: Set<string> = new Set()): Value {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return evaluate(node.expression, consts, seen);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isRegularExpressionLiteral(node)) return regexFromLiteral(node.text);
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text;
    for (const span of node.templateSpans) {
      const value = evaluate(span.expression, consts, seen);
      if (typeof value !== 'string') return undefined;
      out += value + span.literal.text;
    }
    return out;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = evaluate(node.left, consts, seen);
    const right = evaluate(node.right, consts, seen);
    return typeof left === 'string' && typeof right === 'string' ? left + right : undefined;
  }
  if (ts.isArrayLiteralExpression(node)) {
    const items = node.elements.map((e) => evaluate(e, consts, seen));
    return items.every((i): i is string => typeof i === 'string') ? items : undefined;
  }
  if (ts.isIdentifier(node)) {
    const init = consts.get(node.text);
    if (!init || seen.has(node.text)) return undefined;
    return evaluate(init, consts, new Set([...seen, node.text]));
  }
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'source') {
    const value = evaluate(node.expression, consts, seen);
    return value instanceof RegExp ? value.source : undefined;
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'join') {
    const array = evaluate(node.expression.expression, consts, seen);
    const separator = node.arguments[0] ? evaluate(node.arguments[0], consts, seen) : ',';
    return Array.isArray(array) && typeof separator === 'string' ? array.join(separator) : undefined;
  }
  return undefined;
}

const isRegExpConstructor = (node: ts.Node): node is ts.NewExpression | ts.CallExpression =>
  (ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp';

/** Every regex of the TypeScript files under `dir`, and the constructions that could not be evaluated. */
export function findRegexSites(root: string, dir = join(root, 'src')): { sites: RegexSite[]; dynamic: DynamicSite[] } {
  const sites: RegexSite[] = [];
  const dynamic: DynamicSite[] = [];
  for (const path of listSources(dir)) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const consts = constInitializers(file);
    const where = (node: ts.Node) => `${relative(root, path)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const regex = regexFromLiteral(node.text);
        sites.push({ where: where(node), source: regex.source, flags: regex.flags });
      } else if (isRegExpConstructor(node)) {
        const [patternArg, flagsArg] = node.arguments ?? [];
        const pattern = patternArg ? evaluate(patternArg, consts) : undefined;
        const flags = flagsArg ? evaluate(flagsArg, consts) : '';
        const source = pattern instanceof RegExp ? pattern.source : pattern;
        if (typeof source === 'string' && typeof flags === 'string') sites.push({ where: where(node), source, flags });
        else dynamic.push({ where: where(node), code: node.getText(file).slice(0, 120) });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { sites, dynamic };
}

/** Every RegExp reachable from a module's exports (values, arrays, plain objects; two levels deep). */
export function exportedRegexes(module: Record<string, unknown>, file: string): RegexSite[] {
  const out: RegexSite[] = [];
  const collect = (value: unknown, name: string, depth: number): void => {
    if (value instanceof RegExp) out.push({ where: `${file} export ${name}`, source: value.source, flags: value.flags });
    else if (depth < 3 && Array.isArray(value)) value.forEach((v, i) => collect(v, `${name}[${i}]`, depth + 1));
    else if (depth < 3 && value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const [k, v] of Object.entries(value)) collect(v, `${name}.${k}`, depth + 1);
    }
  };
  for (const [name, value] of Object.entries(module)) collect(value, name, 0);
  return out;
}
