import { initialRevision, planVsActual, revisePlan, type PlanRevision } from './revisions.js';

const first = initialRevision({
  targetRoleKey: 'project-manager',
  frameworkVersionId: 'v1',
  at: new Date('2026-01-01T00:00:00Z'),
  gaps: [
    { skillKey: 'planning', currentLevel: 1, requiredLevel: 3 },
    { skillKey: 'risk', currentLevel: null, requiredLevel: 2 },
  ],
});

describe('initialRevision', () => {
  it('records the baseline of each gap skill whose level is known (an unknown one is left out)', () => {
    expect(first).toEqual({
      number: 1,
      reason: 'initial',
      note: null,
      targetRoleKey: 'project-manager',
      frameworkVersionId: 'v1',
      createdAt: new Date('2026-01-01T00:00:00Z'),
      baseline: [{ skillKey: 'planning', baselineLevel: 1, targetLevel: 3 }],
    });
  });
});

describe('revisePlan', () => {
  const at = new Date('2026-04-01T00:00:00Z');
  it('adds a revision for a new target role and keeps the earlier one untouched', () => {
    const result = revisePlan([first], {
      reason: 'new-target-role',
      targetRoleKey: 'senior-pmo-analyst',
      frameworkVersionId: 'v1',
      at,
      note: ' prefer the PMO ',
      gaps: [{ skillKey: 'mentoring', currentLevel: 0, requiredLevel: 1 }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.revisions).toHaveLength(2);
    expect(result.revisions[0]).toBe(first);
    expect(result.revision).toMatchObject({ number: 2, reason: 'new-target-role', note: 'prefer the PMO', targetRoleKey: 'senior-pmo-analyst' });
  });

  it('refuses revisions that change nothing they claim to change', () => {
    const base = { targetRoleKey: 'project-manager', frameworkVersionId: 'v1', at, gaps: [] };
    expect(revisePlan([first], { ...base, reason: 'new-target-role' })).toEqual({
      ok: false,
      reason: 'the plan already aims at "project-manager": choose a different target role',
    });
    expect(revisePlan([first], { ...base, reason: 're-baseline' })).toMatchObject({ ok: false, reason: expect.stringMatching(/already on this one/) });
    expect(revisePlan([first], { ...base, reason: 're-baseline', frameworkVersionId: 'v2' })).toMatchObject({ ok: true });
    expect(revisePlan([first], { ...base, reason: 'other' })).toMatchObject({ ok: false, reason: 'say why the plan is revised: a note is required' });
    expect(revisePlan([], { ...base, reason: 'other', note: 'x' })).toMatchObject({ ok: false });
    expect(revisePlan([first], { ...base, reason: 'other', note: 'x', at: new Date('2025-01-01T00:00:00Z') })).toMatchObject({ ok: false });
  });
});

describe('planVsActual', () => {
  it('sets what each revision planned against what was reached before the next one began', () => {
    const second: PlanRevision = {
      ...first,
      number: 2,
      reason: 'new-target-role',
      targetRoleKey: 'pmo-manager',
      createdAt: new Date('2026-04-01T00:00:00Z'),
      baseline: [{ skillKey: 'planning', baselineLevel: 2, targetLevel: 3 }, { skillKey: 'mentoring', baselineLevel: 0, targetLevel: 2 }],
    };
    const levelsAt = (at: Date): Record<string, number> =>
      at < new Date('2026-03-01T00:00:00Z') ? { planning: 1 } : at < new Date('2026-06-01T00:00:00Z') ? { planning: 2, risk: 1 } : { planning: 4, risk: 1, mentoring: 1 };
    const outcomes = planVsActual(
      [second, first],
      [
        { revisionNumber: 1, status: 'done' },
        { revisionNumber: 1, status: 'dropped' },
        { revisionNumber: 2, status: 'in-progress' },
      ],
      levelsAt,
      new Date('2026-07-01T00:00:00Z'),
    );
    expect(outcomes).toEqual([
      // risk was unknown at the baseline: neither planned nor counted as closed
      { number: 1, reason: 'initial', targetRoleKey: 'project-manager', plannedShortfall: 2, closedShortfall: 1, actionsPlanned: 2, actionsDone: 1, actionsDropped: 1 },
      // planning beyond its target counts up to the target only
      { number: 2, reason: 'new-target-role', targetRoleKey: 'pmo-manager', plannedShortfall: 3, closedShortfall: 2, actionsPlanned: 1, actionsDone: 0, actionsDropped: 0 },
    ]);
  });
});
