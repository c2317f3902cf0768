import { MAX_SCALE_LEVELS, type FrameworkDocumentInput, type LevelDescriptor } from '../document.js';
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
  type CollectedFramework,
  type CollectedSkill,
  type ConversionResult,
  type ImportFile,
  type ImportNote,
} from './common.js';
import { readYaml } from './yaml.js';

/**
 * Monzo's progression framework (monzo/progression-framework, frameworks/**.md): Markdown files whose
 * YAML front matter has `title`, `levels` (how many) and `topics`, each topic with `content` per
 * level: `criteria` (a list) and `exampleCriteria` (criteria each with `examples`). One file is one
 * track (its roles are its levels 1..N); each topic is a skill of that track's category, on a scale of
 * the file's levels, with a descriptor only where the file has content. A role at level N expects
 * each topic at level N when the topic says something at N; otherwise no expectation (warned).
 * Several files (one per discipline) are imported at once; the Markdown after the front matter
 * becomes the track's description.
 */
const KNOWN_TOP = new Set(['path', 'title', 'sidebarTitle', 'sidebarGroup', 'yaml', 'levels', 'homepage', 'topics', 'subLevels', 'sublevels']);
/** "3C", "3 C", "3.C": a level and one of Monzo's sub-level letters. */
const SUB_LEVEL = /^([1-9][0-9]*)\s*[.-]?\s*([A-Za-z])$/;
const KNOWN_CONTENT = new Set(['level', 'criteria', 'exampleCriteria']);

interface FrontMatter {
  data: unknown;
  body: string;
}

function splitFrontMatter(file: ImportFile): { ok: true; value: FrontMatter } | { ok: false; problem: ImportNote } {
  const text = file.text.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    return { ok: false, problem: { where: `${file.name}, line 1`, message: 'no YAML front matter: a Monzo framework file starts with a line "---"' } };
  }
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end < 0) return { ok: false, problem: { where: file.name, message: 'the front matter is never closed: a line "---" must end it' } };
  const read = readYaml(lines.slice(1, end).join('\n'), file.name, 1);
  if (!read.ok) return { ok: false, problem: read.problem };
  return { ok: true, value: { data: read.value, body: lines.slice(end + 1).join('\n').trim() } };
}

/** "🛠️ Backend Engineering Framework" → "Backend Engineering": symbols before the first letter and a closing "Framework" go. */
function trackName(title: string): string {
  const cleaned = title.replace(/^[^\p{L}\p{N}]+/u, '').replace(/\s+framework$/i, '').trim();
  return cleaned === '' ? title : cleaned;
}

/** "communication" → "Communication"; "technical-skills" → "Technical skills". */
function humanise(name: string): string {
  const spaced = name.replace(/[-_]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function importMonzoMarkdown(files: readonly ImportFile[]): ConversionResult {
  const warnings: ImportNote[] = [];
  const problems: ImportNote[] = [];
  if (files.length === 0) return { ok: false, warnings, problems: [{ where: 'The files', message: 'choose at least one Markdown file' }] };
  const collected: CollectedFramework = { name: '', categories: [], skills: [], tracks: [], roles: [], transitions: [] };
  const categoryKeys = new KeyMaker();
  const skillKeys = new KeyMaker();
  const trackKeys = new KeyMaker();
  const roleKeys = new KeyMaker();
  for (const file of files) {
    const split = splitFrontMatter(file);
    if (!split.ok) {
      problems.push(split.problem);
      continue;
    }
    const data = split.value.data;
    if (!isObj(data) || !Array.isArray(data.topics)) {
      problems.push({ where: file.name, message: 'the front matter has no list of "topics": not a Monzo framework file' });
      continue;
    }
    const extra = Object.keys(data).filter((k) => !KNOWN_TOP.has(k));
    if (extra.length > 0) warnings.push({ where: file.name, message: `left out ${extra.map((f) => `"${f}"`).join(', ')} from the front matter: Trellis has no place for ${extra.length === 1 ? 'it' : 'them'}` });
    const title = textOf(data.title) ?? file.name.replace(/\.(md|markdown)$/i, '');
    // Monzo's sub-levels A–E carry no points in its files, and Trellis works a sub-level out of a points
    // rule's thresholds: say so rather than invent thresholds.
    const subLevels = data.subLevels ?? data.sublevels;
    if (subLevels !== undefined) {
      const names = Array.isArray(subLevels) ? textsOf(subLevels) : [];
      warnings.push({
        where: file.name,
        message: `left out the sub-levels${names.length > 0 ? ` ${names.join(', ')}` : ''}: Trellis works out a sub-level from a points levelling rule's thresholds, which a Monzo file does not give; add them in the editor's Levelling tab`,
      });
    }
    const name = fitLine(trackName(title), `Track ${quoteName(title)}`, warnings);
    if (name !== title) warnings.push({ where: `Track ${quoteName(name)}`, message: `named from the title "${title}"` });
    const where = `Track ${quoteName(name)}`;

    // The number of levels: the front matter's, else the highest level any topic describes.
    const topicLevels = (data.topics as unknown[]).flatMap((t) => (isObj(t) && Array.isArray(t.content) ? t.content : [])).map((c) => (isObj(c) ? Number(c.level) : NaN));
    const highest = Math.max(0, ...topicLevels.filter((n) => Number.isInteger(n) && n >= 1));
    let levelCount = Number(data.levels);
    if (!Number.isInteger(levelCount) || levelCount < 1) {
      levelCount = highest;
      warnings.push({ where, message: `the front matter does not say how many levels (levels: N): took ${levelCount}, the highest level its topics describe` });
    }
    if (levelCount < highest) {
      warnings.push({ where, message: `it says ${levelCount} levels but its topics describe level ${highest}: took ${highest}` });
      levelCount = highest;
    }
    if (levelCount > MAX_SCALE_LEVELS) {
      warnings.push({ where, message: `a scale has at most ${MAX_SCALE_LEVELS} levels: levels ${MAX_SCALE_LEVELS + 1} to ${levelCount} left out, with their criteria and roles` });
      levelCount = MAX_SCALE_LEVELS;
    }
    if (levelCount < 1) {
      problems.push({ where: file.name, message: 'its topics describe no level' });
      continue;
    }
    const scale = Array.from({ length: levelCount }, (_, i) => `Level ${i + 1}`);
    const categoryKey = categoryKeys.take(name);
    collected.categories.push({ key: categoryKey, name });
    const trackKey = trackKeys.take(name);
    collected.tracks.push({ key: trackKey, name, kind: 'core', ...(split.value.body ? { description: fitText(split.value.body, where, warnings) } : {}) });

    const trackSkills: Array<{ skill: CollectedSkill; described: Set<number> }> = [];
    let examplesUnlinked = false;
    (data.topics as unknown[]).forEach((topic, index) => {
      const at = `${file.name}, topics[${index}]`;
      if (!isObj(topic)) return warnings.push({ where: at, message: 'left out: not a topic (name, title, content)' });
      const rawName = textOf(topic.title) ?? (textOf(topic.name) ? humanise(textOf(topic.name)!) : undefined);
      if (!rawName) return warnings.push({ where: at, message: 'left out: a topic needs a name or a title' });
      const skillName = fitLine(rawName, `Skill ${quoteName(rawName)}`, warnings);
      const skill: CollectedSkill = { key: skillKeys.take(`${name} ${textOf(topic.name) ?? skillName}`), name: skillName, categoryKey, scale, levels: {} };
      const described = new Set<number>();
      const content = Array.isArray(topic.content) ? topic.content : [];
      for (const [position, entry] of content.entries()) {
        const entryAt = `Skill ${quoteName(skillName)} (${name})`;
        if (!isObj(entry)) {
          warnings.push({ where: entryAt, message: `left out content[${position}]: not a level's criteria` });
          continue;
        }
        let level = Number(entry.level);
        const sub = typeof entry.level === 'string' ? SUB_LEVEL.exec(entry.level.trim()) : null;
        if (sub) {
          // Criteria written for a sub-level ("3C") describe its level: kept there, said once per entry.
          level = Number(sub[1]);
          warnings.push({ where: `${entryAt}, level ${level}`, message: `criteria of sub-level "${String(entry.level)}" are kept at level ${level}: Trellis describes levels, and places sub-levels in the points levelling rule` });
        }
        if (!Number.isInteger(level) || level < 1) {
          warnings.push({ where: entryAt, message: `left out content[${position}]: its level "${String(entry.level)}" is not a level number` });
          continue;
        }
        if (level > levelCount) continue; // said once for the file above
        const extraFields = Object.keys(entry).filter((k) => !KNOWN_CONTENT.has(k));
        if (extraFields.length > 0) warnings.push({ where: `${entryAt}, level ${level}`, message: `left out ${extraFields.map((f) => `"${f}"`).join(', ')}` });
        const criteria = textsOf(entry.criteria);
        const examples: string[] = [];
        if (Array.isArray(entry.exampleCriteria)) {
          for (const example of entry.exampleCriteria) {
            if (!isObj(example)) continue;
            const criterion = textOf(example.criteria);
            if (criterion) criteria.push(criterion);
            const given = textsOf(example.examples);
            if (given.length > 0) examplesUnlinked = true;
            examples.push(...given);
          }
        }
        const descriptorAt = `${entryAt}, level ${level}`;
        const previous = skill.levels[String(level)];
        const descriptor: LevelDescriptor = {
          criteria: [...(previous?.criteria ?? []), ...criteria.map((c) => fitText(c, descriptorAt, warnings))],
          examples: [...(previous?.examples ?? []), ...examples.map((e) => fitText(e, descriptorAt, warnings))],
        };
        if (previous) warnings.push({ where: descriptorAt, message: 'the level is listed twice: its criteria were put together' });
        if (descriptor.criteria.length + descriptor.examples.length > 0) {
          skill.levels[String(level)] = descriptor;
          described.add(level);
        }
      }
      collected.skills.push(skill);
      trackSkills.push({ skill, described });
    });
    if (examplesUnlinked) {
      warnings.push({ where, message: "examples are listed with their level's examples: which criterion each illustrates is not kept" });
    }
    for (let level = 1; level <= levelCount; level++) {
      const title = fitLine(`${name}, level ${level}`, where, warnings);
      const expectations: Record<string, number> = {};
      const silent: string[] = [];
      for (const { skill, described } of trackSkills) {
        if (described.has(level)) expectations[skill.key] = level;
        else silent.push(skill.name);
      }
      for (const skillName of silent) {
        warnings.push({ where: `Role ${quoteName(title)}`, message: `topic ${quoteName(skillName)} says nothing at level ${level}; left without an expectation` });
      }
      collected.roles.push({ key: roleKeys.take(title), title, trackKey, level, summary: NO_SUMMARY, responsibilities: [], expectations });
    }
    warnings.push({ where, message: `its ${levelCount} roles (levels) have no summary in the file: each says "${NO_SUMMARY}"` });
  }
  if (problems.length > 0) return { ok: false, warnings, problems };
  collected.name = collected.tracks.length === 1 ? collected.tracks[0]!.name : 'Progression framework';
  if (collected.tracks.length > 1) warnings.push({ where: 'The framework', message: `${collected.tracks.length} files make one framework named "${collected.name}": rename it as you like` });
  collected.transitions = assumedPromotions(collected.roles, collected.tracks as FrameworkDocumentInput['tracks'], warnings);
  return { ok: true, document: assembleDocument(collected, warnings), warnings };
}
