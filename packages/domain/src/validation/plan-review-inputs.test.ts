import { managerRatingCommentProblem, managerRatingFormSchemaFor, managerRatingSchemaFor, sendBackCommentSchema } from './plan-review-inputs.js';

describe('plan review forms', () => {
  it('asks why a plan is sent back', () => {
    expect(sendBackCommentSchema.safeParse({ comment: '   ' }).success).toBe(false);
    expect(sendBackCommentSchema.safeParse({ comment: 'Add due dates' }).success).toBe(true);
  });

  describe("a manager's rating", () => {
    const rating = { skillId: '7f1b9b4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', level: 3 };
    const problemOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
      result.success ? null : result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

    it('needs a comment when it differs from the person’s own rating, naming theirs', () => {
      expect(problemOf(managerRatingSchemaFor(4).safeParse({ ...rating, evidenceNote: '  ' }))).toEqual([
        'evidenceNote: Say what the rating is based on: it differs from their own rating (4), so a comment is required.',
      ]);
      expect(problemOf(managerRatingSchemaFor(4).safeParse(rating))).toHaveLength(1);
      expect(managerRatingSchemaFor(4).safeParse({ ...rating, evidenceNote: 'Led the Q3 replan' }).success).toBe(true);
    });

    it('needs a comment when the person has not rated the skill', () => {
      expect(managerRatingCommentProblem({ level: 3 }, null)).toBe('Say what the rating is based on: they have not rated this skill themselves, so a comment is required.');
      expect(managerRatingCommentProblem({ level: 3, evidenceNote: 'Seen at the steering group' }, undefined)).toBeNull();
    });

    it('may go without a comment when it agrees with theirs', () => {
      expect(managerRatingCommentProblem({ level: 3, evidenceNote: '' }, 3)).toBeNull();
      expect(managerRatingSchemaFor(3).safeParse(rating).success).toBe(true);
    });

    it('is the same rule in the form, which edits only the level and the comment', () => {
      expect(problemOf(managerRatingFormSchemaFor(2).safeParse({ level: 3, evidenceNote: '' }))).toEqual([
        'evidenceNote: Say what the rating is based on: it differs from their own rating (2), so a comment is required.',
      ]);
      expect(managerRatingFormSchemaFor(3).safeParse({ level: 3, evidenceNote: '' }).success).toBe(true);
      expect(managerRatingFormSchemaFor(3).safeParse({ level: -1, evidenceNote: 'x' }).success).toBe(false);
    });
  });
});
