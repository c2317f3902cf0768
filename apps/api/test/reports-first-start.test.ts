import { expectNoErrors } from './support/errors.js';
import { DEMO, startTestApp, type TestApp } from './support/test-app.js';

/**
 * On the first start with the demo organisation, leadership sees figures at once: the seed builds the
 * demo's current report snapshot (where reports are kept current) instead of leaving Reports "being
 * prepared" until the refresh job's first pass.
 */
describe('reports on the first start', () => {
  let t: TestApp;

  afterEach(async () => {
    await t?.close();
  });

  it('has the demo heatmap ready as soon as the app is up', async () => {
    // The job's period is long and its first pass comes 2 s after start: the snapshot read below is the seed's.
    t = await startTestApp({ environment: { REPORTS_REFRESH_SECONDS: '3600' } });
    const leader = await t.signIn(DEMO.leadership);
    const result = await leader.graphql<{ skillHeatmap: { meta: { month: string | null; people: number }; rows: { name: string }[] } }>(
      `{ skillHeatmap { meta { month people } rows { name } } }`,
    );
    expectNoErrors(result);
    expect(result.data!.skillHeatmap.meta).toEqual({ month: null, people: expect.any(Number) as number });
    expect(result.data!.skillHeatmap.rows[0]!.name).toBeTruthy();
  });

  it('leaves it to the job where reports are not kept current', async () => {
    t = await startTestApp();
    const leader = await t.signIn(DEMO.leadership);
    const result = await leader.graphql(`{ skillHeatmap { meta { people } } }`);
    expect(result.errors?.[0]?.message).toMatch(/being prepared/);
  });
});
