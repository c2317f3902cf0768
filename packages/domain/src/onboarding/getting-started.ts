/**
 * An admin's getting-started checklist: what a new organisation does before its first plan is agreed,
 * each step ticked from real data (never by hand), each a link to where it is done.
 */
export interface GettingStartedFacts {
  /** The organisation's first framework (the links open it); null when it has none. */
  frameworkId: string | null;
  /** Someone opened a framework's draft (the editor) or created a framework. */
  frameworkReviewed: boolean;
  /** Someone published a version of a framework (beyond the one sign-up publishes). */
  frameworkPublished: boolean;
  /** People who have not left, the admin included. */
  activePeople: number;
  /** Active people with no account and no pending invitation. */
  peopleNotInvited: number;
  /** Invitations ever sent (accepted ones included). */
  invitationsSent: number;
  /** Plans that are not abandoned. */
  plansStarted: number;
  /** Plans agreed by a manager (agreed, active or completed). */
  plansAgreed: number;
}

export type GettingStartedKey = 'review-framework' | 'publish-framework' | 'add-people' | 'invite-people' | 'start-plan' | 'agree-plan';

export interface GettingStartedItem {
  key: GettingStartedKey;
  title: string;
  description: string;
  done: boolean;
  /** Where in the app the step is done. */
  href: string;
}

export interface GettingStartedChecklist {
  items: GettingStartedItem[];
  /** Every step done: the checklist is no longer shown. */
  complete: boolean;
}

export function gettingStartedChecklist(facts: GettingStartedFacts): GettingStartedChecklist {
  const framework = facts.frameworkId ? `/frameworks/${facts.frameworkId}` : '/frameworks';
  const items: GettingStartedItem[] = [
    {
      key: 'review-framework',
      title: 'Review your framework',
      description: 'Open the built-in framework in the editor and make its roles and skills your own.',
      done: facts.frameworkReviewed,
      href: facts.frameworkId ? `${framework}/edit` : '/frameworks',
    },
    {
      key: 'publish-framework',
      title: 'Publish it',
      description: 'Publishing makes your changes what everyone sees and is measured against.',
      done: facts.frameworkPublished,
      href: facts.frameworkId ? `${framework}/versions` : '/frameworks',
    },
    {
      key: 'add-people',
      title: 'Bring your people in',
      description: 'Import a CSV file (a template lists your teams and role titles).',
      done: facts.activePeople > 1,
      href: '/admin/import',
    },
    {
      key: 'invite-people',
      title: 'Invite them',
      description: 'Everyone imported needs an invitation to sign in: send them all in one go.',
      done: facts.activePeople > 1 && facts.invitationsSent > 0 && facts.peopleNotInvited === 0,
      href: '/admin/people',
    },
    {
      key: 'start-plan',
      title: 'Start a first development plan',
      description: 'Someone chooses a target role in My career and builds a plan (you can too).',
      done: facts.plansStarted > 0,
      href: '/my-career',
    },
    {
      key: 'agree-plan',
      title: 'Agree a first plan',
      description: 'Their manager agrees the proposed plan from My team.',
      done: facts.plansAgreed > 0,
      href: '/my-team',
    },
  ];
  return { items, complete: items.every((item) => item.done) };
}
