import { Badge, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CalibrationReportQuery } from '../../gql/graphql';
import { Empty } from '../../components/QueryStates';
import { formatFigure } from './reportsData';
import classes from './Reports.module.css';
import { ReportTable } from './ReportTable';

type Report = CalibrationReportQuery['calibrationReport'];

/** The comparisons the API sends, keyed by their `source` (the assessor compared, then its baseline). */
export const COMPARISONS = [
  {
    source: 'manager',
    label: 'Manager vs self',
    caption: 'Manager minus self rating, per skill: positive when managers rate higher than people rate themselves.',
    empty: "No person has both their own and their manager's rating of a skill yet.",
    assessor: 'Manager',
  },
  {
    source: 'mentor',
    label: 'Mentor vs self',
    caption: 'Mentor minus self rating, per skill: positive when mentors rate higher than their mentees rate themselves.',
    empty: "No mentee has both their own and a mentor's rating of a skill yet.",
    assessor: 'Mentor',
  },
  {
    source: 'mentorVsManager',
    label: 'Mentor vs manager',
    caption: "Mentor minus manager rating, per skill: positive when mentors rate higher than the person's manager.",
    empty: "No mentee has both a mentor's and their manager's rating of a skill yet.",
    assessor: 'Mentor',
  },
] as const;

type Source = (typeof COMPARISONS)[number]['source'];

/** A difference in levels drawn from the middle: right (teal) when positive, left (grape) when negative. */
function DifferenceBar({ figure, k }: { figure: Report['bySkill'][number]['meanDifference']; k: number }) {
  const mean = figure.suppressed ? null : figure.value;
  return (
    <Group gap="xs" wrap="nowrap">
      <div className={classes.bar} aria-hidden="true" style={{ width: '6rem', position: 'relative' }}>
        {mean != null ? (
          <div
            className={classes.barFill}
            style={{
              position: 'absolute',
              left: mean >= 0 ? '50%' : `${50 + Math.max(-1, mean / 2) * 50}%`,
              width: `${Math.min(50, (Math.abs(mean) / 2) * 50)}%`,
              background: mean >= 0 ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-grape-6)',
            }}
          />
        ) : null}
      </div>
      <Text size="sm">{formatFigure(figure, k, 'difference')}</Text>
    </Group>
  );
}

export function CalibrationView({ report }: { report: Report }) {
  const [source, setSource] = useState<Source>('manager');
  const k = report.meta.k;
  if (report.bySkill.length === 0) {
    return <Empty title="No calibration data yet" description="Calibration compares people's own ratings with their manager's and their mentors' ratings." />;
  }
  const comparison = COMPARISONS.find((c) => c.source === source)!;
  // The first row is the drill root (the organisation or the team drilled into); the table shows its skills.
  const rootTeam = report.bySkill[0]?.teamId;
  const cells = report.bySkill.filter((cell) => cell.teamId === rootTeam && cell.source === source);
  const assessors = report.assessors.filter((a) => a.source === source);
  return (
    <Stack gap="xl">
      <SegmentedControl
        aria-label="Comparison"
        value={source}
        onChange={(value) => setSource(value as Source)}
        data={COMPARISONS.map((c) => ({ value: c.source, label: c.label }))}
        style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
      />
      {cells.length === 0 ? (
        <Empty title={`No ${comparison.label.toLowerCase()} pairs yet`} description={comparison.empty} headingOrder={3} />
      ) : (
        <>
          <ReportTable
            striped
            caption={comparison.caption}
            columns={['Skill', 'Pairs', 'Mean difference', 'Spread (sd)']}
            rows={cells.map((cell) => ({
              key: cell.skillId,
              header: cell.skillName,
              cells: [formatFigure(cell.pairs, k, 'count'), <DifferenceBar figure={cell.meanDifference} k={k} />, formatFigure(cell.standardDeviation, k, 'level')],
            }))}
          />
          <section aria-labelledby="assessors-heading">
            <Title order={2} size="h3" id="assessors-heading" mb="xs">
              {comparison.assessor === 'Manager' ? 'Managers' : 'Mentors'} as assessors
            </Title>
            {assessors.length === 0 ? (
              <Text size="sm">No assessor has rated enough people to compare.</Text>
            ) : (
              <ReportTable
                columns={[comparison.assessor, 'People rated', 'Mean difference', 'Versus other assessors']}
                rows={assessors.map((a) => ({
                  key: a.assessorId,
                  header: a.assessorName,
                  cells: [
                    formatFigure(a.people, k, 'count'),
                    formatFigure(a.meanDifference, k, 'difference'),
                    a.flag ? (
                      <Badge color={a.flag === 'above' ? 'teal' : 'grape'} variant="light">
                        Rates far {a.flag} the others ({formatFigure(a.shrunkOffset, k, 'difference')})
                      </Badge>
                    ) : (
                      formatFigure(a.shrunkOffset, k, 'difference')
                    ),
                  ],
                }))}
              />
            )}
          </section>
        </>
      )}
    </Stack>
  );
}
