import { graphql } from '../../gql';

/** The operations of the Reports section (figures come suppressed from the API: "<k" is decided there). */

export const ReportOverviewQuery = graphql(`
  query ReportOverview($input: ReportFilterInput) {
    reportOverview(input: $input) {
      meta {
        month
        k
        refreshedAt
        people
        filters
      }
      months
      tracks {
        id
        name
      }
      roles {
        id
        name
        trackId
      }
      categories {
        id
        name
      }
      trail {
        teamId
        name
      }
    }
  }
`);

export const ReportFigureFields = graphql(`
  fragment ReportFigureFields on ReportFigure {
    value
    people
    suppressed
  }
`);

export const SkillHeatmapQuery = graphql(`
  query SkillHeatmap($input: ReportFilterInput) {
    skillHeatmap(input: $input) {
      meta {
        k
        month
      }
      columns {
        skillId
        name
        categoryId
        categoryName
      }
      rows {
        teamId
        name
        isDrillRoot
        hasChildren
        assessed
        averageLevel
        shareMeeting
        assessedSuppressed
        meetingSuppressed
      }
    }
  }
`);

export const SkillGapsQuery = graphql(`
  query SkillGaps($input: ReportFilterInput) {
    skillGaps(input: $input) {
      meta {
        k
      }
      byTeam {
        teamId
        teamName
        gaps {
          skillId
          skillName
          withExpectation {
            ...ReportFigureFields
          }
          short {
            ...ReportFigureFields
          }
          shareShort {
            ...ReportFigureFields
          }
          meanShortfall {
            ...ReportFigureFields
          }
        }
      }
      byRole {
        roleId
        roleTitle
        gaps {
          skillId
          skillName
          shareShort {
            ...ReportFigureFields
          }
          meanShortfall {
            ...ReportFigureFields
          }
        }
      }
      coverage {
        teamId
        teamName
        people
        suppressed
        risks {
          skillId
          skillName
          level
          holders
          neededByRoles
          peopleNeeding
        }
      }
      requiredVsActualSuppressed
      requiredVsActual {
        skillId
        skillName
        level
        required
        actual
      }
    }
  }
`);

export const SuccessionReportQuery = graphql(`
  query SuccessionReport($input: ReportFilterInput) {
    successionReport(input: $input) {
      meta {
        k
      }
      cells {
        teamId
        teamName
        targetRoleId
        targetRoleTitle
        candidates {
          ...ReportFigureFields
        }
        now {
          ...ReportFigureFields
        }
        within6Months {
          ...ReportFigureFields
        }
        within12Months {
          ...ReportFigureFields
        }
        later {
          ...ReportFigureFields
        }
        unknown {
          ...ReportFigureFields
        }
        blockers {
          kind
          id
          name
          people {
            ...ReportFigureFields
          }
        }
      }
    }
  }
`);

export const CalibrationReportQuery = graphql(`
  query CalibrationReport($input: ReportFilterInput) {
    calibrationReport(input: $input) {
      meta {
        k
      }
      bySkill {
        teamId
        teamName
        skillId
        skillName
        source
        pairs {
          ...ReportFigureFields
        }
        meanDifference {
          ...ReportFigureFields
        }
        standardDeviation {
          ...ReportFigureFields
        }
      }
      assessors {
        assessorId
        assessorName
        source
        people {
          ...ReportFigureFields
        }
        meanDifference {
          ...ReportFigureFields
        }
        shrunkOffset {
          ...ReportFigureFields
        }
        flag
      }
    }
  }
`);

export const ParticipationReportQuery = graphql(`
  query ParticipationReport($input: ReportFilterInput) {
    participationReport(input: $input) {
      meta {
        k
        month
      }
      rows {
        teamId
        teamName
        people {
          ...ReportFigureFields
        }
        withPlan {
          ...ReportFigureFields
        }
        agreed {
          ...ReportFigureFields
        }
        active {
          ...ReportFigureFields
        }
        reviewedOnTime {
          ...ReportFigureFields
        }
        overdue {
          ...ReportFigureFields
        }
        stale {
          ...ReportFigureFields
        }
        mentoring {
          planCoverage {
            ...ReportFigureFields
          }
          activePairs {
            ...ReportFigureFields
          }
          fizzlingPairs {
            ...ReportFigureFields
          }
          waitingPeople {
            ...ReportFigureFields
          }
        }
      }
      training {
        kind
        itemId
        title
        byTeam {
          teamId
          teamName
          people {
            ...ReportFigureFields
          }
        }
      }
    }
  }
`);

export const ReportCsvQuery = graphql(`
  query ReportCsv($kind: ReportKind!, $input: ReportFilterInput) {
    reportCsv(kind: $kind, input: $input)
  }
`);

export const MyReportsReadinessQuery = graphql(`
  query MyReportsReadiness {
    myReportsReadiness {
      personId
      name
      targetRoleTitle
      bucket
      monthsToReady
      blockingSkills
    }
  }
`);

export interface FigureLike {
  value?: number | null;
  people?: number | null;
  suppressed?: string | null;
}

/** "<5" for a suppressed figure, "–" for nobody measured, else the value as a count, share or level. */
export function formatFigure(figure: FigureLike, k: number, format: 'count' | 'share' | 'level' | 'difference'): string {
  if (figure.suppressed) return `<${k}`;
  if (figure.value === null || figure.value === undefined) return '–';
  switch (format) {
    case 'count':
      return String(Math.round(figure.value));
    case 'share':
      return `${Math.round(figure.value * 100)}%`;
    case 'level':
      return figure.value.toFixed(1);
    case 'difference':
      return `${figure.value > 0 ? '+' : ''}${figure.value.toFixed(2)}`;
  }
}

/** What "<k" means, said once per report. */
export function suppressionNote(k: number): string {
  return `"<${k}" marks a figure about fewer than ${k} people (or one that would reveal such a group by subtraction): it is hidden so nobody can be singled out.`;
}

export const BUCKET_LABELS: Record<string, string> = {
  now: 'Ready now',
  'within-6-months': 'Within 6 months',
  'within-12-months': 'Within a year',
  later: 'Later',
  unknown: 'Not enough data',
};

export const ReportTrendQuery = graphql(`
  query ReportTrend {
    reportTrend {
      k
      points {
        month
        shareMeeting {
          ...ReportFigureFields
        }
        withPlan {
          ...ReportFigureFields
        }
        agreed {
          ...ReportFigureFields
        }
        overdue {
          ...ReportFigureFields
        }
      }
    }
  }
`);

/** "March 2026" for "2026-03"; "Now" for the current snapshot. */
export function monthLabel(month: string | null, style: 'long' | 'short' = 'long'): string {
  if (!month) return 'Now';
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1, 1)).toLocaleDateString('en-GB', { month: style, year: 'numeric', timeZone: 'UTC' });
}
