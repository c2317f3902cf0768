import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { insertAssessments, type NewAssessment } from '../assessments/assessments-directory.js';
import { reportCatalogueRows } from '../frameworks/framework-directory.js';
import { insertPerson } from '../people/people-directory.js';
import { pmoFramework } from '@trellis/domain';
import { demoOrganisation } from './demo-organisation.js';

/**
 * Colleagues of the demo's named people, without accounts, so that the demo organisation's reports
 * have groups of at least k (5) people to show: 60 more people across the demo's teams, in the roles
 * the named people of each team hold, each rated by themselves and by their manager on the skills
 * their role expects (fixed pseudo-random levels around the expectation, dated over the last 14
 * months so the monthly trends move). Deterministic but for the ids; runs once, when the demo's
 * people are first seeded.
 *
 * Who they report to is a believable structure, so every demo manager has a team of 4 to 8: in each
 * team some report to the named manager, some to a named senior (Chloe, Hugo, Kemi, Leo) and, in the
 * bigger teams, some to a team lead from the crowd itself (no account: a second-line manager).
 */
interface CrowdGroup {
  team: string;
  people: number;
  /** The crowd member at this index of the group leads the `lead` reports; they report to `leadReportsTo`. */
  leadIndex?: number;
  leadReportsTo?: string;
  /** Who each index reports to: a named person's e-mail, or 'lead'. */
  managerOf: (i: number) => string;
}

const CROWD: CrowdGroup[] = [
  // Asha (Head of PMO) and Farid (Programme Manager) share the department's staff roles.
  { team: 'Delivery', people: 6, managerOf: (i) => (i % 2 === 0 ? 'asha.patel@demo.example' : 'farid.haddad@demo.example') },
  // Ben: Chloe, Dan, a crowd lead and 4; Chloe: Ella and 5; the lead (a Senior PMO Analyst): 4.
  {
    team: 'Delivery/PMO',
    people: 14,
    leadIndex: 1,
    leadReportsTo: 'ben.okafor@demo.example',
    managerOf: (i) => (i <= 4 ? 'ben.okafor@demo.example' : i <= 9 ? 'chloe.martin@demo.example' : 'lead'),
  },
  // Grace: Hugo, Isla, a crowd lead (a Project Manager) and 4; Hugo: Jack and 5; the lead: 6.
  {
    team: 'Delivery/Projects',
    people: 16,
    leadIndex: 1,
    leadReportsTo: 'grace.liu@demo.example',
    managerOf: (i) => (i <= 4 ? 'grace.liu@demo.example' : i <= 9 ? 'hugo.silva@demo.example' : 'lead'),
  },
  // Farid's two other teams: a senior (Kemi, Leo) leads 6, a crowd lead reporting to Farid leads 5.
  { team: 'Business Change', people: 12, leadIndex: 0, leadReportsTo: 'farid.haddad@demo.example', managerOf: (i) => (i <= 6 ? 'kemi.adeyemi@demo.example' : 'lead') },
  { team: 'Technology', people: 12, leadIndex: 0, leadReportsTo: 'farid.haddad@demo.example', managerOf: (i) => (i <= 6 ? 'leo.fischer@demo.example' : 'lead') },
];

const FIRST = ['Amara', 'Bilal', 'Carmen', 'Dev', 'Erin', 'Femi', 'Gita', 'Hamza', 'Ines', 'Jonas', 'Kira', 'Luca', 'Mei', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tara'];
const LAST = ['Abbott', 'Banerjee', 'Costa', 'Dubois', 'Eriksen', 'Farah', 'Gomez', 'Hughes', 'Ito', 'Jensen', 'Khan', 'Lopez', 'Mensah', 'Novak', 'Osei'];

export interface CrowdMember {
  /** Position in the whole crowd (names and e-mails follow from it). */
  n: number;
  team: string;
  /** Position in the team's group (the role follows from it). */
  i: number;
  name: string;
  email: string;
  /** A named person's e-mail, or the e-mail of the crowd member who leads this one. */
  managerEmail: string;
  isLead: boolean;
  /** The role (key) they hold: one of their team's named people's, in turn. */
  roleKey: string;
}

/** The crowd, in the order it is inserted (a lead before the people who report to them). */
export function demoCrowdMembers(): CrowdMember[] {
  const members: CrowdMember[] = [];
  let n = 0;
  for (const group of CROWD) {
    const inGroup: CrowdMember[] = [];
    for (let i = 0; i < group.people; i++, n++) {
      const first = FIRST[n % FIRST.length]!;
      const last = LAST[(n * 7) % LAST.length]!;
      const isLead = i === group.leadIndex;
      const roles = demoOrganisation.people.filter((p) => p.team === group.team).map((p) => p.role);
      const roleKey = roles[i % roles.length]!;
      inGroup.push({ n, team: group.team, i, name: `${first} ${last}`, email: `${first}.${last}.${n}@demo.example`.toLowerCase(), managerEmail: '', isLead, roleKey });
    }
    const lead = inGroup.find((m) => m.isLead);
    for (const member of inGroup) {
      const manager = member.isLead ? group.leadReportsTo! : group.managerOf(member.i);
      member.managerEmail = manager === 'lead' ? lead!.email : manager;
    }
    members.push(...inGroup.filter((m) => m.isLead), ...inGroup.filter((m) => !m.isLead));
  }
  return members;
}

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
  const rolesOf = (team: string) => placement.named.filter((p) => p.team === team).map((p) => p.roleId);
  const members = demoCrowdMembers().filter((m) => teamIds.has(m.team) && rolesOf(m.team).length > 0);
  const ids = new Map([...personIds, ...members.map((m) => [m.email, randomUUID()] as const)]);
  // Leads first (their reports' manager must exist).
  for (const member of members) {
    await insertPerson(manager, {
      organisationId,
      id: ids.get(member.email)!,
      email: member.email,
      name: member.name,
      // Their role's title, as the named people's job titles are (a lead says so): the directory reads like a real one.
      jobTitle: jobTitleOf(member),
      teamId: teamIds.get(member.team)!,
      managerId: ids.get(member.managerEmail)!,
      currentRoleId: roleOf(member, rolesOf(member.team)),
      accountId: null,
      accessRole: 'employee',
    });
  }
  // Ratings in the crowd's own order, so the pseudo-random levels do not depend on who leads whom.
  for (const member of [...members].sort((a, b) => a.n - b.n)) {
    const id = ids.get(member.email)!;
    const managerId = ids.get(member.managerEmail)!;
    for (const [skillId, expected] of Object.entries(expectations.get(roleOf(member, rolesOf(member.team))) ?? {})) {
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
  await insertAssessments(manager, ratings);
  return members.length;
}

function jobTitleOf(member: CrowdMember): string | null {
  const title = pmoFramework.roles.find((role) => role.key === member.roleKey)?.title;
  return title ? (member.isLead ? `${title} (team lead)` : title) : null;
}

/** A crowd member holds the role of one of their team's named people, in turn. */
function roleOf(member: CrowdMember, roles: readonly string[]): string {
  return roles[member.i % roles.length]!;
}
