/**
 * My career in a real browser: a demo employee rates a skill on its own page, seeing what each level looks
 * like, finds the rating among the skills grouped by category (opening them), picks a target role and lands on My plan.
 * Facts (the skill, its levels and descriptors, the roles) are asked of the API, not copied from the seed.
 */
import { graphql, signInApi } from './api';
import { onPage } from './a11y';
import { useBrowser } from './browser';
import { signIn } from './session';

// A demo employee of her own with no plan in the living demo (seed/demo-activity.ts): plans.e2e.ts walks
// Dan (DEMO.employee) through creating his.
const EMPLOYEE = 'grace.liu@demo.example';

interface Facts {
  skill: { id: string; name: string; level: { level: number; name: string; descriptor: string } };
  target: string;
}

describe('my career', () => {
  const e2eTest = useBrowser();
  let facts: Facts;

  beforeAll(async () => {
    const session = await signInApi(EMPLOYEE);
    const { viewer } = await graphql<{
      viewer: {
        person: {
          currentRole: {
            id: string;
            level: number;
            track: { id: string };
            expectations: { skill: { id: string } }[];
            frameworkVersion: {
              framework: {
                currentVersion: {
                  skills: { id: string; name: string; levels: { level: number; name: string; descriptor: string }[] }[];
                  roles: { id: string; title: string; level: number; track: { id: string } }[];
                };
              };
            };
          } | null;
        };
      };
    }>(
      session,
      `{ viewer { person { currentRole { id level track { id } expectations { skill { id } }
          frameworkVersion { framework { currentVersion {
            skills { id name levels { level name descriptor } }
            roles { id title level track { id } } } } } } } } }`,
    );
    const role = viewer.person.currentRole;
    if (!role) throw new Error(`${EMPLOYEE} has no current role`);
    const version = role.frameworkVersion.framework.currentVersion;
    const expected = new Set(role.expectations.map((e) => e.skill.id));
    const skill = version.skills.find((s) => expected.has(s.id) && s.levels.length >= 2);
    if (!skill) throw new Error('the current role expects no skill with two levels or more');
    // The next role up the same track, else any other role.
    const others = version.roles.filter((r) => r.id !== role.id);
    const target = others.filter((r) => r.track.id === role.track.id && r.level > role.level).sort((a, b) => a.level - b.level)[0] ?? others[0];
    if (!target) throw new Error('the framework has no other role to aim for');
    facts = { skill: { id: skill.id, name: skill.name, level: skill.levels[1]! }, target: target.title };
  });

  e2eTest(
    'an employee rates a skill seeing its descriptors, sees it against the roles, and chooses a target',
    async ({ page }) => {
      const { skill, target } = facts;
      await signIn(page, EMPLOYEE);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My career' }).click();
      await onPage(page, 'My career');

      await page.getByRole('table', { name: 'My skills' }).getByRole('link', { name: skill.name, exact: true }).click();
      await onPage(page, skill.name);
      const choice = page.getByRole('radio', { name: `${skill.level.level} · ${skill.level.name}` });
      await page.getByText(skill.level.descriptor, { exact: true }).waitFor();
      await choice.check();
      await page.getByRole('textbox', { name: /Evidence \(optional\)/ }).fill('Planned the quarterly release with the team.');
      await page.getByRole('button', { name: 'Save my rating' }).click();
      await page.getByText(`Rated ${skill.name} at level ${skill.level.level}.`).waitFor();
      await page.getByRole('table', { name: `Ratings of ${skill.name}` }).getByText('Planned the quarterly release with the team.').waitFor();

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My career' }).click();
      const profile = page.getByRole('region', { name: 'My skills against the roles' });
      // Each category is a summary line that opens to its table; open them all to find the skill's row.
      await profile.getByRole('button', { name: 'Expand all' }).click();
      await profile.getByRole('button', { name: 'Collapse all' }).waitFor();
      const row = profile.getByRole('row', { name: new RegExp(escape(skill.name)) });
      await row.getByRole('cell').first().getByText(`Level ${skill.level.level} · ${skill.level.name}`).waitFor();

      await page.getByRole('combobox', { name: /Role to explore/ }).selectOption({ label: target });
      await page.getByRole('button', { name: 'Choose as my target' }).click();
      await page.waitForURL((url) => url.pathname === '/my-plan');
      await onPage(page, 'My development plan');
      await page.getByText(target).first().waitFor();
    },
    90_000,
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
