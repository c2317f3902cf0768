import { compareRoles, pmoFramework } from '@trellis/domain';
import type { EntityManager } from 'typeorm';
import { insertAssessment } from '../assessments/assessments-directory.js';
import { publishedSkillsByKey } from '../frameworks/framework-directory.js';
import { hasMentorProfiles, insertMentorProfile, insertMentorship } from '../mentoring/mentoring-directory.js';
import { findPersonByEmail } from '../people/people-directory.js';
import { RATING_HISTORY_DAYS } from './demo-activity.js';

/**
 * The demo organisation's mentoring (issue 10): mentors across teams whose ratings cover the PMO
 * staff's gaps towards Senior PMO Analyst (Hugo, a project manager: a PMO Analyst's biggest gaps;
 * Kemi, a business analyst: stakeholders, business cases, benefits, change control), an active mentorship with sessions and comments, an
 * ended one, and a request waiting for an answer. Runs once: nothing is added when any mentor
 * profile exists. Dan Kowalski (the demo PMO Analyst) is left free to find a mentor himself.
 */
export async function seedMentoringDemo(manager: EntityManager, organisationId: string, now = new Date()): Promise<boolean> {
  if (await hasMentorProfiles(manager, organisationId)) return false;
  const person = async (email: string) => {
    const found = await findPersonByEmail(manager, organisationId, email);
    if (!found) throw new Error(`Demo mentoring: no person ${email}`);
    return found;
  };
  // One after another: a transaction's client runs one statement at a time (pg deprecates overlapping queries).
  const found = [];
  for (const name of ['hugo.silva', 'kemi.adeyemi', 'grace.liu', 'farid.haddad', 'ella.nguyen', 'isla.brown', 'jack.wilson']) found.push(await person(`${name}@demo.example`));
  const [hugo, kemi, grace, farid, ella, isla, jack] = found;
  const skills = await publishedSkillsByKey(manager, organisationId);
  // The skills a PMO Analyst most needs to grow for Senior PMO Analyst: what the mentors offer.
  const gaps = compareRoles(pmoFramework, 'pmo-analyst', 'senior-pmo-analyst')
    .changes.filter((c) => c.delta > 0 && skills.has(c.skillKey))
    .sort((a, b) => b.delta - a.delta)
    .map((c) => c.skillKey)
    .slice(0, 4);
  // A business analyst's strengths, which a PMO Coordinator's plan towards Senior PMO Analyst needs too.
  const analystSkills = ['stakeholder-engagement', 'business-case', 'benefits-management', 'change-control'].filter((k) => skills.has(k));
  if (gaps.length < 2 || analystSkills.length < 2) return false;
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const day = (n: number) => daysAgo(n).toISOString().slice(0, 10);

  // Ratings: each mentor rates themself, and their manager confirms; dated after the demo activity's latest ratings
  // (seeded before this, RATING_HISTORY_DAYS), so that they are the mentors' current levels the matching reads.
  const selfRatedDaysAgo = RATING_HISTORY_DAYS.raised[0] - 6;
  const rate = async (who: { id: string }, managerId: string, keys: string[], level: number) => {
    for (const key of keys) {
      const skillId = skills.get(key)!.id;
      await insertAssessment(manager, { organisationId, personId: who.id, skillId, level, source: 'self', assessedById: who.id, assessedAt: daysAgo(selfRatedDaysAgo) });
      await insertAssessment(manager, { organisationId, personId: who.id, skillId, level, source: 'manager', assessedById: managerId, assessedAt: daysAgo(selfRatedDaysAgo - 2), evidenceNote: 'Seen on delivery' });
    }
  };
  await rate(hugo!, grace!.id, gaps, 5);
  await rate(kemi!, farid!.id, analystSkills, 4);

  await insertMentorProfile(manager, { organisationId, personId: hugo!.id, capacity: 3, offeredSkillKeys: gaps, about: 'Project manager; happy to help PMO colleagues move into delivery.', modes: ['video', 'in-person'], frequency: 'fortnightly', acceptsOtherTeams: true });
  await insertMentorProfile(manager, { organisationId, personId: kemi!.id, capacity: 2, offeredSkillKeys: analystSkills, about: 'Business analyst: stakeholders, requirements and the questions behind them.', modes: ['video'], frequency: 'monthly', acceptsOtherTeams: true });

  await insertMentorship(manager, {
    organisationId,
    menteeId: ella!.id,
    mentorId: hugo!.id,
    status: 'active',
    focusSkillKeys: gaps.slice(0, 2),
    message: 'I would like to learn how project managers plan and report, to grow beyond coordination.',
    requestedAt: daysAgo(40),
    activeSince: daysAgo(38),
    sharing: { plan: true, planComments: true, assessments: true },
    sessions: [
      { heldOn: day(30), minutes: 45, sharedNotes: 'Walked through a project plan and its critical path.', privateNotes: 'Ella is keen; give her a real plan to review.', loggedById: hugo!.id },
      { heldOn: day(12), minutes: 30, sharedNotes: 'Reviewed Ella’s first RAID log; next: a status report.', privateNotes: '', loggedById: ella!.id },
    ],
    comments: [
      { authorId: ella!.id, body: 'Thanks for today: could you share the plan template you used?', at: daysAgo(29) },
      { authorId: hugo!.id, body: 'Sent it by e-mail; bring your questions next time.', replyToPrevious: true, at: daysAgo(28) },
    ],
  });
  await insertMentorship(manager, {
    organisationId,
    menteeId: isla!.id,
    mentorId: kemi!.id,
    status: 'ended',
    focusSkillKeys: analystSkills.slice(0, 1),
    message: 'Could you help me run better stakeholder workshops?',
    requestedAt: daysAgo(200),
    activeSince: daysAgo(198),
    endedAt: daysAgo(90),
    endReason: 'goals-met',
    sessions: [{ heldOn: day(150), minutes: 60, sharedNotes: 'Planned a workshop agenda together.', privateNotes: '', loggedById: kemi!.id }],
    comments: [{ authorId: isla!.id, body: 'The workshop went well, thank you!', at: daysAgo(91) }],
  });
  await insertMentorship(manager, {
    organisationId,
    menteeId: jack!.id,
    mentorId: kemi!.id,
    status: 'requested',
    focusSkillKeys: analystSkills.slice(0, 2),
    message: 'I am starting out in project support and would value a mentor outside my team.',
    requestedAt: daysAgo(2),
    activeSince: null,
  });
  return true;
}
