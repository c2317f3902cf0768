import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { insertAssessments, type NewAssessment } from '../assessments/assessments-directory.js';
import { reportCatalogueRows } from '../frameworks/framework-directory.js';
import { insertPerson } from '../people/people-directory.js';

/**
 * Colleagues of the demo's named people, without accounts, so that the demo organisation's reports
 * have groups of at least k (5) people to show: 60 more people across the demo's teams, in the roles
 * the named people of each team hold, each rated by themselves and by their team's manager on the
 * skills their role expects (fixed pseudo-random levels around the expectation, dated over the last
 * 14 months so the monthly trends move). Deterministic but for the ids; runs once, when the demo's
 * people are first seeded.
 */
const CROWD: { team: string; manager: string; people: number }[] = [
  { team: 'Delivery', manager: 'asha.patel@demo.example', people: 6 },
  { team: 'Delivery/PMO', manager: 'ben.okafor@demo.example', people: 14 },
  { team: 'Delivery/Projects', manager: 'grace.liu@demo.example', people: 16 },
  { team: 'Business Change', manager: 'farid.haddad@demo.example', people: 12 },
  { team: 'Technology', manager: 'farid.haddad@demo.example', people: 12 },
];

const FIRST = ['Amara', 'Bilal', 'Carmen', 'Dev', 'Erin', 'Femi', 'Gita', 'Hamza', 'Ines', 'Jonas', 'Kira', 'Luca', 'Mei', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tara'];
const LAST = ['Abbott', 'Banerjee', 'Costa', 'Dubois', 'Eriksen', 'Farah', 'Gomez', 'Hughes', 'Ito', 'Jensen', 'Khan', 'Lopez', 'Mensah', 'Novak', 'Osei'];

export interface DemoPlacement {
  organisationId: string;
  teamIds: ReadonlyMap<string, string>;
  /** Person id by e-mail (the named demo people). */
  personIds: ReadonlyMap<string, string>;
  /** The named people: their team path and role id. */
  named: readonly { team: string; roleId: string }[];
  now?: Date;
}

export async function seedDemoCrowd(manager: EntityManager, placement: DemoPlacement): Promise<number> {
  const { organisationId, teamIds, personIds } = placement;
  const now = placement.now ?? new Date();
  const catalogue = await reportCatalogueRows(manager, organisationId);
  const expectations = new Map(catalogue.roles.map((role) => [role.id, role.expectations]));
  let seed = 20_261_206;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const ratings: NewAssessment[] = [];
  let n = 0;
  for (const group of CROWD) {
    const teamId = teamIds.get(group.team);
    const managerId = personIds.get(group.manager);
    const roles = placement.named.filter((p) => p.team === group.team).map((p) => p.roleId);
    if (!teamId || !managerId || roles.length === 0) continue;
    for (let i = 0; i < group.people; i++, n++) {
      const id = randomUUID();
      const first = FIRST[n % FIRST.length]!;
      const last = LAST[(n * 7) % LAST.length]!;
      const roleId = roles[i % roles.length]!;
      await insertPerson(manager, {
        organisationId,
        id,
        email: `${first}.${last}.${n}@demo.example`.toLowerCase(),
        name: `${first} ${last}`,
        jobTitle: null,
        teamId,
        managerId,
        currentRoleId: roleId,
        accountId: null,
        accessRole: 'employee',
      });
      for (const [skillId, expected] of Object.entries(expectations.get(roleId) ?? {})) {
        if (random() < 0.15) continue;
        const daysAgo = 30 + Math.floor(random() * 400);
        const at = new Date(now.getTime() - daysAgo * 86_400_000);
        const self = Math.max(1, Math.min(5, expected + Math.round(random() * 2 - 0.8)));
        const theirs = Math.max(1, Math.min(5, expected + Math.round(random() * 2.4 - 1.5)));
        ratings.push({ organisationId, id: randomUUID(), personId: id, skillId, level: self, source: 'self', assessedById: id, assessedAt: at });
        ratings.push({
          organisationId,
          id: randomUUID(),
          personId: id,
          skillId,
          level: theirs,
          source: 'manager',
          assessedById: managerId,
          assessedAt: new Date(at.getTime() + Math.floor(random() * 20) * 86_400_000),
        });
      }
    }
  }
  await insertAssessments(manager, ratings);
  return n;
}
