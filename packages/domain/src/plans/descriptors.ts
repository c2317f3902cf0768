/**
 * Turning a level descriptor ("Runs risk management for complex programmes, performs quantitative
 * or aggregated risk analysis and advises boards...") into things a person can do ("Run risk
 * management for complex programmes", "Perform quantitative or aggregated risk analysis").
 *
 * Descriptors are written in the third person present, one clause per activity, clauses joined by
 * commas. A clause starts where a comma (or ", and", ":" or ";") is followed by a verb-like word: a
 * lowercase word ending in "s" followed by a further word that is not a conjunction (a noun ending a
 * list, "papers, minutes," or "deadlines, and", is followed by punctuation or "and"). Within a clause
 * the phrase ends at " and <verb-like>" (a shorter phrase is still correct). A descriptor that does
 * not start with such a verb gives no activities: callers fall back to a plain sentence.
 */

const CONJUNCTIONS = new Set(['and', 'or', 'of', 'nor']);

function bare(token: string): string {
  return token.replace(/[.,;:)]+$/, '');
}

function endsClause(token: string): boolean {
  return /[,;:]$/.test(token);
}

/** Shaped like a third-person verb: "runs", "analyses", "re-plans" (not "process", "status", "analysis", "is"). */
function verbShaped(token: string | undefined): boolean {
  return !!token && /^[a-z][a-z-]*[a-z]s$/.test(token) && !/(ss|us|is)$/.test(token) && !NOT_VERBS.has(token);
}

/** Words shaped like verbs that are not. */
const NOT_VERBS = new Set(['sometimes', 'always', 'perhaps', 'its', 'this', 'thus', 'towards', 'afterwards', 'besides', 'whereas', 'across']);

/**
 * A third-person verb starting a phrase at `i`: verb-shaped with no punctuation after it (punctuation
 * ends a list of nouns), followed by an object, or by "and"/"or" and another such verb ("builds and
 * baselines schedules", "leads or commissions reviews").
 */
function isVerbAt(tokens: readonly string[], i: number): boolean {
  const token = tokens[i];
  const next = tokens[i + 1];
  if (!verbShaped(token) || !next) return false;
  const word = bare(next).toLowerCase();
  if ((word === 'and' || word === 'or') && bare(next) === next) return isVerbAt(tokens, i + 2);
  return !CONJUNCTIONS.has(word) && /^[a-z(]/i.test(next);
}

/** "runs" → "run", "applies" → "apply", "assesses" → "assess", "coaches" → "coach", "analyses" → "analyse". */
export function imperative(verb: string): string {
  const lower = verb.toLowerCase();
  let base: string;
  if (/ies$/.test(lower)) base = verb.slice(0, -3) + 'y';
  else if (/(sses|shes|ches|xes|zes|oes)$/.test(lower)) base = verb.slice(0, -2);
  else base = verb.slice(0, -1);
  return base;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A clause's tokens as an imperative phrase, or null when it does not start with a verb. */
function phrase(tokens: string[]): string | null {
  const words = [...tokens];
  const lowered = [(words[0] ?? '').toLowerCase(), ...words.slice(1)];
  let verbAt: number;
  if (isVerbAt(lowered, 0)) verbAt = 0;
  else if (/^[A-Za-z]+ly$/.test(words[0] ?? '') && isVerbAt(words, 1)) verbAt = 1; // "Independently analyses"
  else return null;
  words[verbAt] = imperative(words[verbAt] as string);
  let start = verbAt + 1;
  // "Builds and baselines", "Runs or supports": both verbs take the object.
  while ((words[start] === 'and' || words[start] === 'or') && isVerbAt(words, start + 1)) {
    words[start + 1] = imperative(words[start + 1] as string);
    start += 2;
  }
  // The phrase ends at the next verb joined by "and" ("... and advises boards", "... and is a recognised
  // authority"), except the first "and" after a comma (outside brackets): that one most likely ends a
  // list of nouns ("configuration, financial and benefits controls").
  let end = words.length;
  let depth = 0;
  let listOpen = false;
  for (let i = start; i < words.length; i++) {
    const word = words[i] as string;
    if (word === 'and' && i > start) {
      if (listOpen) listOpen = false;
      else if (isVerbAt(words, i + 1) || ['is', 'are', 'has'].includes(words[i + 1] ?? '')) {
        end = i;
        break;
      }
    }
    depth += (word.match(/\(/g) ?? []).length - (word.match(/\)/g) ?? []).length;
    if (depth <= 0 && word.endsWith(',')) listOpen = true;
  }
  const text = words.slice(0, end).join(' ').replace(/[\s.,;:]+$/, '');
  return text.includes(' ') ? capitalise(text) : null;
}

/** The activities a descriptor names, as imperative phrases, in order; [] when it names none. */
export function descriptorActivities(descriptor: string): string[] {
  const tokens = descriptor.trim().split(/\s+/).filter(Boolean);
  const clauses: string[][] = [];
  let current: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    current.push(token);
    if (!endsClause(token)) continue;
    const hard = /[;:]$/.test(token);
    const skipAnd = tokens[i + 1] === 'and' ? 1 : 0;
    if (hard || isVerbAt(tokens, i + 1 + skipAnd)) {
      clauses.push(current);
      current = [];
      i += hard ? 0 : skipAnd;
    }
  }
  if (current.length > 0) clauses.push(current);
  // No verb to start with: not a list of activities.
  const first = clauses[0] ? phrase(clauses[0]) : null;
  if (!first) return [];
  return [first, ...clauses.slice(1).map(phrase).filter((text): text is string => text !== null)];
}
