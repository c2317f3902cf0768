import { gettingStartedChecklist, type GettingStartedFacts } from './getting-started.js';

const fresh: GettingStartedFacts = {
  frameworkId: 'fw-1',
  frameworkReviewed: false,
  frameworkPublished: false,
  activePeople: 1,
  peopleNotInvited: 0,
  invitationsSent: 0,
  plansStarted: 0,
  plansAgreed: 0,
};

const done = (facts: GettingStartedFacts) =>
  Object.fromEntries(gettingStartedChecklist(facts).items.map((item) => [item.key, item.done]));

describe('gettingStartedChecklist', () => {
  it('starts with nothing done, each step a link into the app', () => {
    const checklist = gettingStartedChecklist(fresh);
    expect(checklist.complete).toBe(false);
    expect(checklist.items.every((item) => !item.done)).toBe(true);
    expect(checklist.items.map((item) => item.href)).toEqual([
      '/frameworks/fw-1/edit',
      '/frameworks/fw-1/versions',
      '/admin/import',
      '/admin/people',
      '/my-career',
      '/my-team',
    ]);
  });

  it('counts people in only beyond the founder, and invitations sent only when nobody is left uninvited', () => {
    expect(done({ ...fresh, activePeople: 21, peopleNotInvited: 20 })).toMatchObject({ 'add-people': true, 'invite-people': false });
    expect(done({ ...fresh, activePeople: 21, peopleNotInvited: 3, invitationsSent: 17 })['invite-people']).toBe(false);
    expect(done({ ...fresh, activePeople: 21, peopleNotInvited: 0, invitationsSent: 20 })['invite-people']).toBe(true);
    // Nobody to invite yet is not "invitations sent".
    expect(done({ ...fresh, activePeople: 1, invitationsSent: 0 })['invite-people']).toBe(false);
  });

  it('is complete once a plan is agreed and everything before it is done', () => {
    const all = { ...fresh, frameworkReviewed: true, frameworkPublished: true, activePeople: 21, invitationsSent: 20, plansStarted: 1, plansAgreed: 1 };
    expect(gettingStartedChecklist(all).complete).toBe(true);
    expect(gettingStartedChecklist({ ...all, plansAgreed: 0 }).complete).toBe(false);
  });

  it('links to the frameworks list when there is no framework', () => {
    expect(gettingStartedChecklist({ ...fresh, frameworkId: null }).items[0]!.href).toBe('/frameworks');
  });
});
