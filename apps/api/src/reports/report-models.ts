import type {
  AssessorCalibration,
  CalibrationCell,
  CsvNames,
  Figure,
  GapRow,
  ParticipationRow,
  SuccessionCell,
  TeamCoverage,
  TrainingDemand,
  GapsView,
} from '@trellis/domain';
import type { ReportFigure, ReportMeta } from './reports.models.js';

/**
 * The domain's report views as the API sends them, named. The same whether the views were stored
 * with the snapshot or worked out from an older snapshot's whole report.
 */

/** What a report is named by: the catalogue's names and the teams' (CSV takes the same). */
export type ReportNames = Omit<CsvNames, 'k'>;

export const figureModel = (f: Figure): ReportFigure => ({ value: f.value, people: f.people, suppressed: f.suppressed });

function namer(names: ReportNames) {
  const skills = new Map(names.catalogue.skills.map((s) => [s.id, s.name]));
  const roles = new Map(names.catalogue.roles.map((r) => [r.id, r.title]));
  return {
    team: (id: string) => names.hierarchy.names.get(id) ?? id,
    skill: (id: string) => skills.get(id) ?? id,
    role: (id: string) => roles.get(id) ?? id,
  };
}

export function gapsModel(
  meta: ReportMeta,
  names: ReportNames,
  views: GapsView & { byRole: GapRow[]; coverage: TeamCoverage[] },
) {
  const n = namer(names);
  const gapRow = (row: GapRow) => ({
    teamId: row.teamId,
    teamName: n.team(row.teamId),
    roleId: row.roleId,
    roleTitle: row.roleId ? n.role(row.roleId) : null,
    gaps: row.gaps.slice(0, 15).map((g) => ({
      skillId: g.skillId,
      skillName: n.skill(g.skillId),
      withExpectation: figureModel(g.withExpectation),
      unrated: figureModel(g.unrated),
      short: figureModel(g.short),
      shareShort: figureModel(g.shareShort),
      meanShortfall: figureModel(g.meanShortfall),
    })),
  });
  const { byTeam, byRole, coverage, required } = views;
  return {
    meta,
    byTeam: byTeam.map(gapRow),
    byRole: byRole.map(gapRow),
    coverage: coverage.map((team) => ({
      teamId: team.teamId,
      teamName: n.team(team.teamId),
      people: team.people,
      suppressed: team.suppressed,
      risks: team.risks.map((risk) => ({ ...risk, skillName: n.skill(risk.skillId), neededByRoles: risk.neededByRoleIds.map(n.role) })),
    })),
    requiredVsActualSuppressed: required.suppressed,
    requiredVsActual: required.rows.map((row) => ({ ...row, skillName: n.skill(row.skillId) })),
    csvSource: { names, byTeam, byRole, coverage, required },
  };
}

export function successionModel(meta: ReportMeta, names: ReportNames, cells: SuccessionCell[]) {
  const n = namer(names);
  return {
    meta,
    cells: cells.map((cell) => ({
      teamId: cell.teamId,
      teamName: n.team(cell.teamId),
      targetRoleId: cell.targetRoleId,
      targetRoleTitle: n.role(cell.targetRoleId),
      candidates: figureModel(cell.candidates),
      now: figureModel(cell.byBucket.now),
      within6Months: figureModel(cell.byBucket['within-6-months']),
      within12Months: figureModel(cell.byBucket['within-12-months']),
      later: figureModel(cell.byBucket.later),
      unknown: figureModel(cell.byBucket.unknown),
      blockers: cell.blockers.slice(0, 5).map((b) => ({
        kind: b.kind,
        id: b.id,
        name: b.kind === 'skill' ? n.skill(b.id) : b.id,
        people: figureModel(b.people),
        meanShortfall: figureModel(b.meanShortfall),
      })),
    })),
    csvSource: { names, cells },
  };
}

/** `people`: the assessors' names (read by the caller: people's names are the people module's). */
export function calibrationModel(meta: ReportMeta, names: ReportNames, bySkill: CalibrationCell[], assessors: AssessorCalibration[], people: Map<string, string>) {
  const n = namer(names);
  return {
    meta,
    bySkill: bySkill.map((cell) => ({
      teamId: cell.teamId,
      teamName: n.team(cell.teamId),
      skillId: cell.skillId,
      skillName: n.skill(cell.skillId),
      source: cell.source,
      pairs: figureModel(cell.pairs),
      meanDifference: figureModel(cell.meanDifference),
      standardDeviation: figureModel(cell.standardDeviation),
    })),
    assessors: assessors.map((a) => ({
      assessorId: a.assessorId,
      assessorName: people.get(a.assessorId) ?? 'Someone who left',
      source: a.source,
      people: figureModel(a.people),
      meanDifference: figureModel(a.meanDifference),
      offset: figureModel(a.offset),
      shrunkOffset: figureModel(a.shrunkOffset),
      flag: a.flag,
    })),
    csvSource: { names, bySkill, assessors, people },
  };
}

export function participationModel(meta: ReportMeta, names: ReportNames, rows: ParticipationRow[], training: TrainingDemand[]) {
  const n = namer(names);
  return {
    meta,
    rows: rows.map((row) => ({
      teamId: row.teamId,
      teamName: n.team(row.teamId),
      people: figureModel(row.people),
      withPlan: figureModel(row.withPlan),
      agreed: figureModel(row.agreed),
      active: figureModel(row.active),
      reviewedOnTime: figureModel(row.reviewedOnTime),
      overdue: figureModel(row.overdue),
      stale: figureModel(row.stale),
      mentoring: row.mentoring
        ? {
            mentees: figureModel(row.mentoring.mentees),
            withActiveMentor: figureModel(row.mentoring.withActiveMentor),
            waiting: figureModel(row.mentoring.waiting),
            waitingPeople: figureModel(row.mentoring.waitingPeople),
            planCoverage: figureModel(row.mentoring.planCoverage),
            activePairs: figureModel(row.mentoring.activePairs),
            fizzlingPairs: figureModel(row.mentoring.fizzlingPairs),
            fizzling: figureModel(row.mentoring.fizzling),
          }
        : null,
    })),
    training: training.slice(0, 30).map((item) => ({
      ...item,
      byTeam: item.byTeam.map((t) => ({ teamId: t.teamId, teamName: n.team(t.teamId), people: figureModel(t.people) })),
    })),
    csvSource: { names, rows, training },
  };
}
