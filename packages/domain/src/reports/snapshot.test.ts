import { participationView } from './participation.js';
import { heatmap } from './skill-views.js';
import { loadReports, snapshotReports, storeReports, type SnapshotReports } from './snapshot.js';
import { skillRowsFromPeople } from './skills.js';
import { smallCatalogue, smallPeople, smallTeams } from './test-fixtures.js';
import runDomainTask from '../tasks.js';

describe('report snapshots', () => {
  const people = smallPeople();
  const { headcounts, skillLevels } = skillRowsFromPeople(people);
  const input = {
    catalogue: smallCatalogue(),
    teams: smallTeams,
    rows: { headcounts, skillLevels, succession: [], blockers: [], calibration: [], planHealth: [], trainingDemand: [], mentoring: null },
    k: 3,
  };

  it('stores reports as JSON and reads them back into the same views (suppression included)', () => {
    const direct = snapshotReports(input);
    const loaded = loadReports<SnapshotReports>(storeReports(direct));
    expect(loaded.skills.cells).toBeInstanceOf(Map);
    expect(heatmap(loaded.skills)).toEqual(heatmap(direct.skills));
    expect([...loaded.skills.assessedSuppressed]).toEqual([...direct.skills.assessedSuppressed]);
  });

  it('is a worker task answering JSON text', () => {
    const stored = runDomainTask({ name: 'reportSnapshot', input });
    expect(Object.keys(stored.reports).sort()).toEqual(['calibration', 'participation', 'skills', 'succession']);
    expect(heatmap(loadReports<SnapshotReports['skills']>(stored.reports.skills))).toEqual(heatmap(snapshotReports(input).skills));
    // One stored heatmap per team (and the organisation) and filter node.
    const { catalogue } = input;
    expect(stored.heatmaps).toHaveLength((smallTeams.length + 1) * (1 + catalogue.tracks.length + catalogue.roles.length));
    // And the other reports' views: participation per team and filter node, as JSON text.
    const participation = stored.views.filter((v) => v.report === 'participation');
    expect(participation).toHaveLength((smallTeams.length + 1) * (1 + catalogue.tracks.length + catalogue.roles.length));
    expect(JSON.parse(participation[0]!.data)).toEqual(JSON.parse(JSON.stringify(participationView(snapshotReports(input).participation, { teamId: participation[0]!.teamId }))));
  });

  it('answers its rows as JSON, and builds the same snapshot again from that JSON', () => {
    const stored = runDomainTask({ name: 'reportSnapshot', input });
    expect(JSON.parse(stored.rowsJson)).toEqual(JSON.parse(JSON.stringify(input.rows)));
    const { rows: _rows, ...rest } = input;
    const again = runDomainTask({ name: 'reportSnapshot', input: { ...rest, rowsJson: stored.rowsJson } });
    expect(again.reports).toEqual(stored.reports);
    expect(again.heatmaps).toEqual(stored.heatmaps);
    expect(again.rowsJson).toBe(stored.rowsJson);
  });
});
