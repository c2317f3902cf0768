import type { FrameworkDocumentInput } from '../document.js';
import {
  KeyMaker,
  NO_SUMMARY,
  assembleDocument,
  assumedPromotions,
  fitLine,
  fitText,
  isObj,
  quoteName,
  textOf,
  textsOf,
  type CollectedSkill,
  type ConversionResult,
  type ImportFile,
  type ImportNote,
  type Obj,
} from './common.js';
import { readYaml } from './yaml.js';

/**
 * The Financial Times' job-family YAML (Financial-Times/engineering-progression, data/job-families/*.yml):
 * `levels` (id, name) are roles, `themes` (id, name, summary) are skills, and each of `competencies`
 * (level, theme, summary, proficiency, examples, supportingUrls) says what a role does in a theme
 * and at which proficiency: the role's expectation, with the summary as its role statement.
 * FT's proficiency names (Awareness … Expert) are the skills' scale; FT describes no theme per
 * proficiency, so skills have no level descriptors (never invented). Level names ending
 * "(Individual Contributor)" / "(People Manager)" split the ladder into two tracks; the rungs before
 * the split are shared by both.
 */
export const FT_PROFICIENCIES = ['Awareness', 'Foundational', 'Working knowledge', 'Practitioner', 'Expert'] as const;

const PATHS: Array<{ pattern: RegExp; name: string }> = [
  { pattern: /\s*\((individual contributor|ic)\)\s*$/i, name: 'Individual Contributor' },
  { pattern: /\s*\((people manager|pm|manager)\)\s*$/i, name: 'People Manager' },
];
const KNOWN_TOP = new Set(['name', 'summary', 'googleSheetId', 'levels', 'themes', 'competencies']);
const KNOWN_COMPETENCY = new Set(['id', 'level', 'theme', 'summary', 'proficiency', 'examples', 'supportingUrls']);

interface Level {
  id: string;
  title: string;
  summary?: string;
  path?: string;
}

/** A level of FT's levels file (data/levels.yml): what a level means, whatever the job family. */
interface LevelText {
  id?: string;
  name?: string;
  summary: string;
  at: string;
}

const isLevelsFile = (value: unknown) => Array.isArray(value) || (isObj(value) && Array.isArray(value.levels) && value.themes === undefined && value.competencies === undefined);

/** The levels file's entries that say something (a summary, else a description); "TODO" is no summary. */
function levelTexts(value: unknown, fileName: string, warnings: ImportNote[]): LevelText[] {
  const list = (Array.isArray(value) ? value : (value as Obj).levels) as unknown[];
  const texts: LevelText[] = [];
  list.forEach((raw, index) => {
    const at = `${fileName}, levels[${index}]`;
    if (!isObj(raw)) return warnings.push({ where: at, message: 'left out: not a level (id, name, summary)' });
    const summary = textOf(raw.summary) ?? textOf(raw.description);
    const name = textOf(raw.name) ?? textOf(raw.id) ?? `#${index + 1}`;
    if (!summary || /^todo\.?$/i.test(summary)) return warnings.push({ where: at, message: `the level ${quoteName(name)} has no summary in the levels file (${summary ? '"TODO"' : 'none given'})` });
    texts.push({ id: textOf(raw.id), name: textOf(raw.name), summary, at });
  });
  return texts;
}

export function importFtJobFamily(files: readonly ImportFile[]): ConversionResult {
  const warnings: ImportNote[] = [];
  if (files.length === 0 || files.length > 2) {
    return { ok: false, warnings, problems: [{ where: 'The files', message: `a job family is one YAML file, with FT's levels file beside it if you have it; ${files.length} were given` }] };
  }
  const reads = files.map((f) => ({ file: f, read: readYaml(f.text, f.name) }));
  for (const { read } of reads) if (!read.ok) return { ok: false, warnings, problems: [read.problem] };
  const values = reads.map(({ file: f, read }) => ({ file: f, value: (read as { ok: true; value: unknown }).value }));
  // With two files, one is FT's levels file (a list of levels: id, name, summary) and the other the job family.
  const levelsFile = values.length === 2 ? values.find(({ value }) => isLevelsFile(value)) : undefined;
  const family = values.find((entry) => entry !== levelsFile)!;
  if (values.length === 2 && (!levelsFile || isLevelsFile(family.value))) {
    return { ok: false, warnings, problems: [{ where: 'The files', message: 'with two files, one must be the job family (levels, themes, competencies) and the other FT\'s levels file (a list of levels with id, name and summary)' }] };
  }
  const file = family.file;
  const root = family.value;
  if (!isObj(root)) return { ok: false, warnings, problems: [{ where: file.name, message: 'expected a job family (name, levels, themes, competencies), found no mapping' }] };
  const missing = ['levels', 'themes', 'competencies'].filter((field) => !Array.isArray(root[field]));
  if (missing.length > 0) {
    return { ok: false, warnings, problems: [{ where: file.name, message: `not a job family: it has no list of ${missing.join(', ')}` }] };
  }
  const extra = Object.keys(root).filter((k) => !KNOWN_TOP.has(k));
  if (extra.length > 0) warnings.push({ where: file.name, message: `left out ${extra.map((f) => `"${f}"`).join(', ')}: Trellis has no place for ${extra.length === 1 ? 'it' : 'them'}` });
  if (root.googleSheetId !== undefined) warnings.push({ where: file.name, message: 'left out "googleSheetId" (a link to FT\'s own spreadsheet)' });

  const familyName = fitLine(textOf(root.name) ?? file.name.replace(/\.ya?ml$/i, ''), 'The framework', warnings);
  if (!textOf(root.name)) warnings.push({ where: 'The framework', message: `the file has no name: named it "${familyName}" after the file` });

  // Levels: roles, in the file's order.
  const levels: Level[] = [];
  const levelIds = new Set<string>();
  (root.levels as unknown[]).forEach((raw, index) => {
    const at = `${file.name}, levels[${index}]`;
    if (!isObj(raw)) return warnings.push({ where: at, message: 'left out: not a level (id, name)' });
    const id = textOf(raw.id);
    const name = textOf(raw.name) ?? id;
    if (!id || !name) return warnings.push({ where: at, message: 'left out: a level needs an id' });
    if (levelIds.has(id)) return warnings.push({ where: at, message: `left out: the level id "${id}" is used twice` });
    levelIds.add(id);
    const path = PATHS.find((p) => p.pattern.test(name));
    levels.push({ id, title: fitLine(name, `Role ${quoteName(name)}`, warnings), summary: textOf(raw.summary), path: path?.name });
  });

  // Themes: skills, one category named after the family.
  const categoryKey = new KeyMaker().take(familyName);
  const skillKeys = new KeyMaker();
  const skills: CollectedSkill[] = [];
  const themeKey = new Map<string, string>();
  const themeName = new Map<string, string>();
  (root.themes as unknown[]).forEach((raw, index) => {
    const at = `${file.name}, themes[${index}]`;
    if (!isObj(raw)) return warnings.push({ where: at, message: 'left out: not a theme (id, name, summary)' });
    const id = textOf(raw.id);
    const name = textOf(raw.name) ?? id;
    if (!id || !name) return warnings.push({ where: at, message: 'left out: a theme needs an id' });
    if (themeKey.has(id)) return warnings.push({ where: at, message: `left out: the theme id "${id}" is used twice` });
    const skillName = fitLine(name, `Skill ${quoteName(name)}`, warnings);
    const key = skillKeys.take(skillName);
    themeKey.set(id, key);
    themeName.set(id, skillName);
    const summary = textOf(raw.summary);
    skills.push({
      key,
      name: skillName,
      categoryKey,
      ...(summary ? { description: fitText(summary, `Skill ${quoteName(skillName)}`, warnings) } : {}),
      scale: [],
      levels: {},
    });
  });

  // Competencies: grouped by (level, theme).
  const proficiencyNames: string[] = [...FT_PROFICIENCIES];
  const proficiencyIndex = (name: string) => proficiencyNames.findIndex((p) => p.toLowerCase() === name.toLowerCase());
  const grouped = new Map<string, Obj[]>();
  const droppedFields = new Set<string>();
  (root.competencies as unknown[]).forEach((raw, index) => {
    const at = `${file.name}, competencies[${index}]`;
    if (!isObj(raw)) return warnings.push({ where: at, message: 'left out: not a competency' });
    for (const field of Object.keys(raw)) if (!KNOWN_COMPETENCY.has(field)) droppedFields.add(field);
    const level = textOf(raw.level);
    const theme = textOf(raw.theme);
    if (!level || !levelIds.has(level)) return warnings.push({ where: at, message: `left out: its level "${level ?? ''}" is not one of the file's levels` });
    if (!theme || !themeKey.has(theme)) return warnings.push({ where: at, message: `left out: its theme "${theme ?? ''}" is not one of the file's themes` });
    const proficiency = textOf(raw.proficiency);
    if (proficiency && proficiencyIndex(proficiency) < 0) {
      proficiencyNames.push(proficiency);
      warnings.push({ where: at, message: `the proficiency "${proficiency}" is not one of FT's (${FT_PROFICIENCIES.join(', ')}): added to the scale after ${proficiencyNames.at(-2)}` });
    }
    const id = `${level}\u0000${theme}`;
    grouped.set(id, [...(grouped.get(id) ?? []), raw]);
  });
  if (droppedFields.size > 0) {
    warnings.push({ where: file.name, message: `left out the competencies' ${[...droppedFields].map((f) => `"${f}"`).join(', ')}: Trellis has no place for ${droppedFields.size === 1 ? 'it' : 'them'}` });
  }
  const scale = proficiencyNames.slice(0, 7);
  if (proficiencyNames.length > 7) {
    warnings.push({ where: 'The proficiency scale', message: `a scale has at most 7 levels: ${proficiencyNames.slice(7).join(', ')} left out, and competencies at them have no expectation` });
  }
  for (const skill of skills) skill.scale = scale;

  // Tracks: one, or the two paths with the rungs before the split shared.
  const tracks: FrameworkDocumentInput['tracks'] = [];
  const trackKeys = new KeyMaker();
  const pathNames = [...new Set(levels.map((l) => l.path).filter((p): p is string => p !== undefined))];
  const trackOfPath = new Map<string, string>();
  if (pathNames.length === 0) {
    const key = trackKeys.take(familyName);
    tracks.push({ key, name: familyName, kind: 'core' });
  } else {
    for (const path of pathNames) {
      const key = trackKeys.take(`${familyName} ${path}`);
      trackOfPath.set(path, key);
      tracks.push({ key, name: `${familyName}: ${path}`, kind: 'core' });
    }
  }
  const roleKeys = new KeyMaker();
  const roles: FrameworkDocumentInput['roles'] = [];
  const rungOnTrack = new Map<string, number>();
  const firstSplit = levels.findIndex((l) => l.path !== undefined);
  let lastPath: string | undefined;
  for (const [index, level] of levels.entries()) {
    const roleName = quoteName(level.title);
    let trackKey: string;
    let shared: string[] = [];
    if (pathNames.length === 0) {
      trackKey = tracks[0]!.key;
    } else if (level.path) {
      trackKey = trackOfPath.get(level.path)!;
      lastPath = level.path;
    } else if (firstSplit < 0 || index < firstSplit) {
      trackKey = trackOfPath.get(pathNames[0]!)!;
      shared = pathNames.slice(1).map((p) => trackOfPath.get(p)!);
    } else {
      trackKey = trackOfPath.get(lastPath ?? pathNames[0]!)!;
      warnings.push({ where: `Role ${roleName}`, message: `its name names no path: placed on the ${lastPath ?? pathNames[0]} track, after the level before it` });
    }
    const onTracks = [trackKey, ...shared];
    const rung = Math.max(...onTracks.map((t) => (rungOnTrack.get(t) ?? 0) + 1));
    for (const t of onTracks) rungOnTrack.set(t, rung);
    const expectations: Record<string, number> = {};
    const details: Record<string, { statement: string }> = {};
    for (const [themeId, skillKey] of themeKey) {
      const competencies = grouped.get(`${level.id}\u0000${themeId}`);
      const competencyName = quoteName(themeName.get(themeId)!);
      if (!competencies) continue;
      const levelsGiven = competencies.map((c) => textOf(c.proficiency)).filter((p): p is string => p !== undefined);
      const numbers = levelsGiven.map((p) => proficiencyIndex(p) + 1).filter((n) => n >= 1 && n <= scale.length);
      const statement = fitText(statementOf(competencies), `Role ${roleName}, skill ${competencyName}`, warnings);
      if (numbers.length === 0) {
        warnings.push({
          where: `Role ${roleName}`,
          message: `competency ${competencyName} has no level; left without an expectation (its statement is not imported: "${statement.slice(0, 80)}${statement.length > 80 ? '…' : ''}")`,
        });
        continue;
      }
      const expected = Math.max(...numbers);
      if (new Set(numbers).size > 1) {
        warnings.push({ where: `Role ${roleName}`, message: `competency ${competencyName} is given at several proficiencies (${[...new Set(levelsGiven)].join(', ')}): expected at the highest, ${scale[expected - 1]}` });
      }
      if (competencies.length > 1) {
        warnings.push({ where: `Role ${roleName}`, message: `competency ${competencyName} has ${competencies.length} statements: kept as one list in the role statement` });
      }
      expectations[skillKey] = expected;
      if (statement !== '') details[skillKey] = { statement };
    }
    roles.push({
      key: roleKeys.take(level.title),
      title: level.title,
      trackKey,
      level: rung,
      summary: level.summary ? fitText(level.summary, `Role ${roleName}`, warnings) : NO_SUMMARY,
      responsibilities: [],
      expectations,
      ...(Object.keys(details).length > 0 ? { expectationDetails: details } : {}),
      ...(shared.length > 0 ? { sharedWithTrackKeys: shared } : {}),
    });
  }
  let unsummarised = levels.filter((level) => !level.summary).map((level) => quoteName(level.title));
  if (levelsFile) unsummarised = mergeLevelTexts(levels, roles, levelTexts(levelsFile.value, levelsFile.file.name, warnings), warnings);
  if (unsummarised.length > 0) {
    warnings.push({ where: 'Roles', message: `the file gives no summary for ${unsummarised.join(', ')}: each says "${NO_SUMMARY}"` });
  }
  if (pathNames.length > 0 && firstSplit > 0) {
    warnings.push({ where: 'Tracks', message: `the first ${firstSplit} level${firstSplit === 1 ? ' is' : 's are'} shared by the ${pathNames.join(' and ')} tracks` });
  }
  const transitions = assumedPromotions(roles, tracks, warnings);
  const summary = textOf(root.summary);
  const document = assembleDocument(
    {
      name: familyName,
      ...(summary ? { description: fitText(summary, 'The framework', warnings) } : {}),
      categories: [{ key: categoryKey, name: familyName }],
      skills,
      tracks,
      roles,
      transitions,
    },
    warnings,
  );
  return { ok: true, document, warnings };
}

/**
 * FT's levels file says what each level means: its summary becomes the role's, matched by the level's id, else its
 * name (ignoring case and the "(Individual Contributor)" suffix). The job family's own summary stays when it has
 * one (the levels file's is then left out, warned). An entry that matches no level of the family is warned and
 * left out. Answers the roles still without a summary.
 */
function mergeLevelTexts(levels: Level[], roles: FrameworkDocumentInput['roles'], texts: LevelText[], warnings: ImportNote[]): string[] {
  const plain = (name: string) => name.replace(/\s*\([^)]*\)\s*$/, '').trim().toLowerCase();
  const used = new Set<LevelText>();
  for (const [index, level] of levels.entries()) {
    const text =
      texts.find((t) => t.id !== undefined && t.id === level.id) ??
      texts.find((t) => t.name !== undefined && t.name.toLowerCase() === level.title.toLowerCase()) ??
      texts.find((t) => t.name !== undefined && plain(t.name) === plain(level.title));
    if (!text) continue;
    used.add(text);
    const role = roles[index]!;
    if (level.summary) {
      if (text.summary.trim() !== level.summary.trim()) warnings.push({ where: text.at, message: `the job family gives ${quoteName(level.title)} a summary of its own: kept that one, this one is not imported` });
      continue;
    }
    level.summary = text.summary;
    role.summary = fitText(text.summary, `Role ${quoteName(level.title)}`, warnings);
  }
  for (const text of texts) {
    if (!used.has(text)) warnings.push({ where: text.at, message: `the level ${quoteName(text.name ?? text.id ?? '')}${text.id ? ` (${text.id})` : ''} is not a level of this job family: its summary is not imported` });
  }
  return levels.filter((level) => !level.summary).map((level) => quoteName(level.title));
}

/** One competency's summary as written; several become a Markdown list; examples and links follow as lists. */
function statementOf(competencies: Obj[]): string {
  const parts: string[] = [];
  const one = competencies.length === 1;
  for (const competency of competencies) {
    const summary = textOf(competency.summary) ?? '';
    const examples = textsOf(competency.examples);
    const links = Array.isArray(competency.supportingUrls)
      ? competency.supportingUrls.filter(isObj).map((link) => {
          const url = textOf(link.url);
          const label = textOf(link.label) ?? url;
          return url ? `[${label}](${url})` : label;
        }).filter((l): l is string => l !== undefined)
      : [];
    if (one) {
      parts.push(summary);
      if (examples.length > 0) parts.push(`Examples:\n${examples.map((e) => `- ${e}`).join('\n')}`);
      if (links.length > 0) parts.push(`Further reading:\n${links.map((l) => `- ${l}`).join('\n')}`);
    } else {
      const nested = [...examples.map((e) => `  - Example: ${e}`), ...links.map((l) => `  - Further reading: ${l}`)];
      parts.push([`- ${summary.replace(/\n+/g, ' ')}`, ...nested].join('\n'));
    }
  }
  return parts.join(one ? '\n\n' : '\n');
}
