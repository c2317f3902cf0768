import { managerRatingSchema, sendBackCommentSchema } from './plan-review-inputs.js';

describe('plan review forms', () => {
  it('asks why a plan is sent back', () => {
    expect(sendBackCommentSchema.safeParse({ comment: '   ' }).success).toBe(false);
    expect(sendBackCommentSchema.safeParse({ comment: 'Add due dates' }).success).toBe(true);
  });
  it('asks the manager what a rating is based on', () => {
    const rating = { skillId: '7f1b9b4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', level: 3 };
    expect(managerRatingSchema.safeParse({ ...rating, evidenceNote: '' }).success).toBe(false);
    expect(managerRatingSchema.safeParse(rating).success).toBe(false);
    expect(managerRatingSchema.safeParse({ ...rating, evidenceNote: 'Led the Q3 replan' }).success).toBe(true);
  });
});
