import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import ts from 'typescript';
import { repositoryRoot } from '../src/config/config.js';
import { entities } from '../src/database/data-source.js';

/**
 * A module's tables are its own: SQL in apps/api/src/<module>/ names only the tables whose entities
 * live in that module. Another module's data is read through what that module exports (its service,
 * or its `*-directory.ts`: functions, and SQL fragments for a read that must stay inside another
 * statement). See docs/ARCHITECTURE.md, "Adding a module". The ESLint import rules keep the entity
 * classes private; this keeps the SQL honest.
 */

const src = path.join(repositoryRoot, 'apps/api/src');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : filesUnder(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const moduleOf = (file: string) => path.relative(src, file).split(path.sep)[0]!;
const isEntityFile = (file: string) => /\.(entity|entities)\.ts$/.test(file);
const files = filesUnder(src);

/** Table → the module whose entity file declares it (`@Entity('name')`). */
function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of files.filter(isEntityFile)) {
    for (const [, table] of readFileSync(file, 'utf8').matchAll(/@Entity\('([a-z_]+)'\)/g)) {
      if (owners.has(table!)) throw new Error(`Two entities declare the table ${table}`);
      owners.set(table!, moduleOf(file));
    }
  }
  return owners;
}

/** The text of every string and template literal in a file, with where it starts. */
function literals(file: string): { text: string; line: number; call: string | null }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number; call: string | null }[] = [];
  const calleeOf = (node: ts.Node): string | null => {
    const parent = node.parent;
    if (parent && ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
      const callee = parent.expression;
      return ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : null;
    }
    // `{ table: 'people', ... }` handed to a helper that writes the SQL (remapColumn).
    if (parent && ts.isPropertyAssignment(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) return parent.name.text;
    return null;
  };
  const visit = (node: ts.Node) => {
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((span) => ` \${} ${span.literal.text}`)].join('');
    if (text !== null) found.push({ text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, call: calleeOf(node) });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Tables a literal names as SQL: after FROM, JOIN, UPDATE, INTO, TABLE or USING, or as a query builder's table argument. */
function tablesNamed(literal: { text: string; call: string | null }, tables: ReadonlyMap<string, string>): string[] {
  const named = new Set<string>();
  for (const [, table] of literal.text.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO|TABLE|USING)\s+([a-z_]+)\b/g)) {
    if (tables.has(table!)) named.add(table!);
  }
  if (tables.has(literal.text) && literal.call && /join|from|into|update|delete|insert|query|^table$/i.test(literal.call)) named.add(literal.text);
  return [...named];
}

describe('module tables', () => {
  const owners = tableOwners();

  it('knows every table the application maps, each owned by one module', () => {
    const mapped = getMetadataArgsStorage()
      .tables.filter((table) => (entities as unknown[]).includes(table.target))
      .map((table) => table.name!)
      .sort();
    expect([...owners.keys()].sort()).toEqual(mapped);
    expect(owners.get('people')).toBe('people');
    expect(owners.get('teams')).toBe('people');
  });

  it("finds another module's table in SQL (the check can fail)", () => {
    const probe = { text: 'SELECT p.name FROM plans pl JOIN people p ON p.id = pl.person_id', call: 'query' };
    expect(tablesNamed(probe, owners)).toEqual(['plans', 'people']);
    expect(tablesNamed({ text: 'framework_versions', call: 'innerJoin' }, owners)).toEqual(['framework_versions']);
    expect(tablesNamed({ text: 'assessments', call: 'table' }, owners)).toEqual(['assessments']);
    expect(tablesNamed({ text: 'Imported from people and plans', call: 'query' }, owners)).toEqual([]);
  });

  it("has no module's SQL name a table another module owns", () => {
    const trespasses: string[] = [];
    for (const file of files.filter((f) => !isEntityFile(f))) {
      const module = moduleOf(file);
      if (path.dirname(file) === src) continue;
      for (const literal of literals(file)) {
        for (const table of tablesNamed(literal, owners)) {
          const owner = owners.get(table)!;
          if (owner === module) continue;
          trespasses.push(`${path.relative(src, file)}:${literal.line} names ${table}, owned by ${owner}/: go through ${owner}/'s service or directory`);
        }
      }
    }
    expect(trespasses).toEqual([]);
  });
});
