import type { FrameworkProblem } from './validate.js';

/**
 * A framework problem in words a person can act on: which part (by its name, never `skills[30]`)
 * and a link target (the editor's section and the part's key), so the editor lists problems as they
 * happen and takes the admin to the part.
 */

export type ProblemSection = 'framework' | 'scale' | 'categories' | 'skills' | 'tracks' | 'roles' | 'transitions' | 'qualifications' | 'levelling';

export interface NamedProblem {
  /** The part, named: `Skill "ESG", level 5` or `Role "Project Manager", expectation of "ESG"`. */
  where: string;
  message: string;
  section: ProblemSection;
  /** The part's key when it has one (the link target), else null. */
  key: string | null;
  /** The original path, for tools. */
  path: string;
}

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

function entry(document: unknown, sectionName: string, index: number): Obj | undefined {
  if (!isObj(document)) return undefined;
  const list = document[sectionName];
  const item = Array.isArray(list) ? (list[index] as unknown) : undefined;
  return isObj(item) ? item : undefined;
}

function nameOf(document: unknown, sectionName: string, key: string, field: 'name' | 'title'): string {
  if (!isObj(document) || !Array.isArray(document[sectionName])) return key;
  const found = (document[sectionName] as unknown[]).find((item) => isObj(item) && item.key === key);
  return (isObj(found) ? str(found[field]) : undefined) ?? key;
}

const SECTIONS: Record<string, { section: ProblemSection; noun: string; field: 'name' | 'title' }> = {
  skills: { section: 'skills', noun: 'Skill', field: 'name' },
  roles: { section: 'roles', noun: 'Role', field: 'title' },
  tracks: { section: 'tracks', noun: 'Track', field: 'name' },
  trackGroups: { section: 'tracks', noun: 'Track group', field: 'name' },
  skillCategories: { section: 'categories', noun: 'Skill category', field: 'name' },
  qualifications: { section: 'qualifications', noun: 'Qualification', field: 'name' },
  scales: { section: 'scale', noun: 'Scale', field: 'name' },
};

/** Splits `roles[3].expectations.esg` into ["roles", 3, "expectations", "esg"] (quoted keys too). */
export function parseProblemPath(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  const pattern = /([A-Za-z0-9_-]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[3] !== undefined) segments.push(JSON.parse(match[3]) as string);
  }
  return segments;
}

/** Names the part a problem is about, from the (possibly broken) document it was found in. */
export function nameFrameworkProblem(document: unknown, problem: FrameworkProblem): NamedProblem {
  const [head, index, field, sub] = parseProblemPath(problem.path);
  const base = { message: problem.message, path: problem.path };
  if (typeof head !== 'string') return { ...base, where: 'The framework', section: 'framework', key: null };
  const known = SECTIONS[head];
  if (known && typeof index === 'number') {
    const item = entry(document, head, index);
    const key = str(item?.key) ?? null;
    const label = (item ? str(item[known.field]) : undefined) ?? key ?? `number ${index + 1}`;
    let where = `${known.noun} "${label}"`;
    if (head === 'skills' && field === 'levels' && sub !== undefined) where += `, level ${String(sub)}`;
    else if (head === 'roles' && (field === 'expectations' || field === 'expectationDetails') && typeof sub === 'string') {
      where += `, expectation of "${nameOf(document, 'skills', sub, 'name')}"`;
    } else if (head === 'scales' && field === 'levels' && typeof sub === 'number') where += `, level ${sub + 1} in the list`;
    else if (typeof field === 'string' && field !== 'key' && field !== known.field) where += ` (${field})`;
    return { ...base, where, section: known.section, key };
  }
  if (head === 'transitions' && typeof index === 'number') {
    const item = entry(document, 'transitions', index);
    const from = str(item?.fromRoleKey);
    const to = str(item?.toRoleKey);
    const where = from && to ? `Move from "${nameOf(document, 'roles', from, 'title')}" to "${nameOf(document, 'roles', to, 'title')}"` : `Move number ${index + 1}`;
    return { ...base, where, section: 'transitions', key: from && to ? `${from}->${to}` : null };
  }
  if (head === 'proficiencyScale') {
    const item = typeof index === 'number' ? entry(document, 'proficiencyScale', index) : undefined;
    const level = item && typeof item.level === 'number' ? ` level ${item.level}` : '';
    return { ...base, where: `Proficiency scale${level}`, section: 'scale', key: null };
  }
  if (head === 'levelling') {
    // levelling.skillPoints.<skill>.<level> and levelling.levels[i].subLevels[j] name their part.
    let where = 'Points levelling';
    if (index === 'skillPoints' && typeof field === 'string') {
      where += `, points for "${nameOf(document, 'skills', field, 'name')}"${sub !== undefined ? ` at level ${String(sub)}` : ''}`;
    } else if (index === 'levels' && typeof field === 'number') {
      const rule = isObj(document) && isObj(document.levelling) ? document.levelling : undefined;
      const level = rule && Array.isArray(rule.levels) && isObj(rule.levels[field]) ? str(rule.levels[field].name) : undefined;
      where += `, level "${level ?? field + 1}"`;
      if (sub === 'subLevels') where += "'s sub-levels";
    }
    return { ...base, where, section: 'levelling', key: null };
  }
  if (known) return { ...base, where: known.noun === 'Scale' ? 'Scales' : `${known.noun}s`, section: known.section, key: null };
  return { ...base, where: 'The framework', section: 'framework', key: null };
}

/** Every problem named, in the order found. */
export function nameFrameworkProblems(document: unknown, problems: readonly FrameworkProblem[]): NamedProblem[] {
  return problems.map((problem) => nameFrameworkProblem(document, problem));
}
