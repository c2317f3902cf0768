/**
 * Reporting lines: who is above and below whom through line managers (`people.manager_id`). A
 * mentee's own reporting line (their manager, their manager's manager and so on up, and everyone
 * who reports to them directly or indirectly) is excluded from mentoring them by default: a mentor
 * should be someone they can speak freely to.
 */

export interface ReportingPerson {
  personId: string;
  managerId: string | null;
}

export interface ReportingLines {
  /** The managers above a person, nearest first (stops at a loop in bad data). */
  chainUp(personId: string): string[];
  /** Everyone who reports to a person, directly or indirectly (nearest first, then by id). */
  reportsDown(personId: string): string[];
  /** True when one of the two is above the other (or they are the same person). */
  inLine(a: string, b: string): boolean;
}

/** An index of the organisation's reporting lines, built once for many questions. */
export function reportingLines(people: Iterable<ReportingPerson>): ReportingLines {
  const managerOf = new Map<string, string | null>();
  const reportsOf = new Map<string, string[]>();
  for (const { personId, managerId } of people) {
    if (managerOf.has(personId)) continue;
    managerOf.set(personId, managerId);
    if (managerId !== null) {
      const list = reportsOf.get(managerId) ?? [];
      list.push(personId);
      reportsOf.set(managerId, list);
    }
  }
  for (const list of reportsOf.values()) list.sort();

  const chainUp = (personId: string): string[] => {
    const chain: string[] = [];
    const seen = new Set([personId]);
    let next = managerOf.get(personId) ?? null;
    while (next !== null && !seen.has(next)) {
      chain.push(next);
      seen.add(next);
      next = managerOf.get(next) ?? null;
    }
    return chain;
  };

  // Each person's managers as a set, made on first use: the board asks about every pair.
  const above = new Map<string, ReadonlySet<string>>();
  const managersOf = (personId: string): ReadonlySet<string> => {
    let set = above.get(personId);
    if (!set) {
      set = new Set(chainUp(personId));
      above.set(personId, set);
    }
    return set;
  };

  return {
    chainUp,
    reportsDown(personId) {
      const found: string[] = [];
      const seen = new Set([personId]);
      let layer = [personId];
      while (layer.length > 0) {
        const nextLayer: string[] = [];
        for (const id of layer) {
          for (const report of reportsOf.get(id) ?? []) {
            if (seen.has(report)) continue;
            seen.add(report);
            found.push(report);
            nextLayer.push(report);
          }
        }
        layer = nextLayer;
      }
      return found;
    },
    inLine(a, b) {
      return a === b || managersOf(b).has(a) || managersOf(a).has(b);
    },
  };
}
