import { Badge, Stack, Text, Title } from '@mantine/core';
import type { ParticipationReportQuery } from '../../gql/graphql';
import { formatFigure, monthLabel } from './reportsData';
import { ShareBar } from './ReportViews';
import { ReportTable } from './ReportTable';

type Report = ParticipationReportQuery['participationReport'];

/** Shown in a mentoring cell of a snapshot taken before mentoring joined the reports (distinct from "–", nobody measured). */
const NO_MENTORING_DATA = '—';

function MentoringSection({ report }: { report: Report }) {
  const k = report.meta.k;
  const missing = report.rows.some((row) => !row.mentoring);
  const noData = (team: string) => (
    <Text span size="sm" aria-label={`${team}: no mentoring data in this snapshot`}>
      {NO_MENTORING_DATA}
    </Text>
  );
  return (
    <section aria-labelledby="mentoring-heading">
      <Title order={2} size="h3" id="mentoring-heading" mb="xs">
        Mentoring
      </Title>
      <ReportTable
        striped
        caption="Share of people with an open plan who have an active mentor; active mentoring pairs, and those fizzling (no recent session); people waiting for a mentor."
        columns={['Team', 'Open plans with a mentor', 'Active pairs', 'Fizzling pairs', 'Waiting for a mentor']}
        rows={report.rows.map((row) => {
          const m = row.mentoring;
          return {
            key: row.teamId,
            header: row.teamName,
            cells: m
              ? [
                  <ShareBar figure={m.planCoverage} k={k} label={`${row.teamName}, open plans with a mentor`} />,
                  formatFigure(m.activePairs, k, 'count'),
                  formatFigure(m.fizzlingPairs, k, 'count'),
                  formatFigure(m.waitingPeople, k, 'count'),
                ]
              : [noData(row.teamName), noData(row.teamName), noData(row.teamName), noData(row.teamName)],
          };
        })}
      />
      {missing ? (
        <Text size="sm" c="dimmed" mt="xs">
          “{NO_MENTORING_DATA}”: the {report.meta.month ? `${monthLabel(report.meta.month)} snapshot` : 'snapshot'} was taken before mentoring joined the reports, so it has no mentoring figures. Later months have them.
        </Text>
      ) : null}
    </section>
  );
}

export function ParticipationView({ report }: { report: Report }) {
  const k = report.meta.k;
  const shares = [
    ['withPlan', 'With a plan'],
    ['agreed', 'Agreed'],
    ['active', 'Active'],
    ['reviewedOnTime', 'Reviewed on time'],
    ['overdue', 'Overdue'],
    ['stale', 'Stale'],
  ] as const;
  return (
    <Stack gap="xl">
      <ReportTable
        striped
        caption="Shares of people (reviews: of plans in review; stale: of plans) per team."
        columns={['Team', 'People', ...shares.map(([, label]) => label)]}
        rows={report.rows.map((row) => ({
          key: row.teamId,
          header: row.teamName,
          cells: [formatFigure(row.people, k, 'count'), ...shares.map(([key, label]) => <ShareBar figure={row[key]} k={k} label={`${row.teamName}, ${label}`} />)],
        }))}
      />
      {report.rows.length > 0 ? <MentoringSection report={report} /> : null}
      <section aria-labelledby="training-heading">
        <Title order={2} size="h3" id="training-heading" mb="xs">
          Training demand across open plans
        </Title>
        {report.training.length === 0 ? (
          <Text size="sm">No qualification or course is planned in open plans.</Text>
        ) : (
          <ReportTable
            columns={['Qualification or course', 'People wanting it']}
            rows={report.training.map((item) => ({
              key: `${item.kind}-${item.itemId}`,
              header: (
                <>
                  {item.title} <Badge variant="outline" size="xs">{item.kind}</Badge>
                </>
              ),
              cells: [item.byTeam[0] ? formatFigure(item.byTeam[0].people, k, 'count') : '–'],
            }))}
          />
        )}
      </section>
    </Stack>
  );
}
