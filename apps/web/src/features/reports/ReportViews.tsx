import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { SkillGapsQuery, SuccessionReportQuery } from '../../gql/graphql';
import { Empty } from '../../components/QueryStates';
import { formatFigure, type FigureLike } from './reportsData';
import classes from './Reports.module.css';
import { ReportTable } from './ReportTable';
import { skillLevelShort } from '../../components/levels/levels';
import { usePublishedSkillScales } from '../../components/levels/usePublishedSkillScales';

/** A horizontal bar for a share (0..1) with its figure as text beside it; hidden figures draw no bar. */
export function ShareBar({ figure, k, label }: { figure: FigureLike; k: number; label: string }) {
  const value = figure.suppressed || figure.value == null ? null : Math.max(0, Math.min(1, figure.value));
  return (
    <Group gap="xs" wrap="nowrap">
      <div className={classes.bar} aria-hidden="true" style={{ width: '6rem' }}>
        {value !== null ? <div className={classes.barFill} style={{ width: `${value * 100}%` }} /> : null}
      </div>
      <Text size="sm" aria-label={`${label}: ${figure.suppressed ? `hidden, fewer than ${k} people` : formatFigure(figure, k, 'share')}`}>
        {formatFigure(figure, k, 'share')}
      </Text>
    </Group>
  );
}

export function GapsView({ report }: { report: SkillGapsQuery['skillGaps'] }) {
  const skillOf = usePublishedSkillScales();
  const k = report.meta.k;
  const root = report.byTeam[0];
  return (
    <Stack gap="xl">
      <section aria-labelledby="gaps-heading">
        <Title order={2} size="h3" id="gaps-heading" mb="xs">
          Where people fall short of their role
        </Title>
        {!root || root.gaps.length === 0 ? (
          <Empty title="No expectations to compare" description="Nobody here has a role that expects these skills, or nobody is rated yet." headingOrder={3} />
        ) : (
          <ReportTable
            striped
            columns={['Skill', 'Share short', 'People short', 'Mean shortfall (levels)']}
            rows={root.gaps.map((gap) => ({
              key: gap.skillId,
              header: gap.skillName,
              cells: [
                <ShareBar figure={gap.shareShort} k={k} label={`${gap.skillName}, share short`} />,
                formatFigure(gap.short, k, 'count'),
                formatFigure(gap.meanShortfall, k, 'level'),
              ],
            }))}
          />
        )}
      </section>
      {report.byRole.length > 0 ? (
        <section aria-labelledby="gaps-role-heading">
          <Title order={2} size="h3" id="gaps-role-heading" mb="xs">
            Largest gap per role
          </Title>
          <ReportTable
            columns={['Role', 'Skill', 'Share short']}
            rows={report.byRole.map((row) => {
              const top = row.gaps[0];
              return {
                key: row.roleId ?? '',
                header: row.roleTitle,
                cells: [top?.skillName ?? '–', top ? <ShareBar figure={top.shareShort} k={k} label={`${row.roleTitle ?? ''}, ${top.skillName}, share short`} /> : '–'],
              };
            })}
          />
        </section>
      ) : null}
      <section aria-labelledby="coverage-heading">
        <Title order={2} size="h3" id="coverage-heading" mb="xs">
          Coverage risk: a resignation away from a gap
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          Skills a team&apos;s roles need where at most one person meets the level.
        </Text>
        <Stack gap="sm">
          {report.coverage.map((team) => (
            <div key={team.teamId}>
              <Text fw={600}>{team.teamName}</Text>
              {team.suppressed ? (
                <Text size="sm">Hidden: fewer than {k} people.</Text>
              ) : team.risks.length === 0 ? (
                <Text size="sm">No risks: every needed skill has at least two people at the level.</Text>
              ) : (
                <Group gap={6} wrap="wrap">
                  {team.risks.slice(0, 12).map((risk) => (
                    <Badge key={`${risk.skillId}-${risk.level}`} color={risk.holders === 0 ? 'red' : 'orange'} variant="light">
                      {risk.skillName} at {skillLevelShort(skillOf(risk.skillId), risk.level)}: {risk.holders === 0 ? 'nobody' : '1 person'}
                    </Badge>
                  ))}
                </Group>
              )}
            </div>
          ))}
        </Stack>
      </section>
      <section aria-labelledby="required-heading">
        <Title order={2} size="h3" id="required-heading" mb="xs">
          Required vs actual headcount at level
        </Title>
        {report.requiredVsActualSuppressed ? (
          <Text size="sm">Hidden: fewer than {k} people.</Text>
        ) : report.requiredVsActual.length === 0 ? (
          <Text size="sm">No role here expects these skills.</Text>
        ) : (
          <ReportTable
            columns={['Skill', 'Level', 'Required', 'Actual']}
            rows={report.requiredVsActual.map((row) => ({
              key: `${row.skillId}-${row.level}`,
              header: row.skillName,
              cells: [
                skillLevelShort(skillOf(row.skillId), row.level),
                row.required,
                <Text span size="sm" c={row.actual < row.required ? 'red.8' : undefined}>
                  {row.actual}
                </Text>,
              ],
            }))}
          />
        )}
      </section>
    </Stack>
  );
}

export function SuccessionView({ report }: { report: SuccessionReportQuery['successionReport'] }) {
  const k = report.meta.k;
  if (report.cells.length === 0) {
    return <Empty title="No succession data yet" description="Succession counts people with an open development plan towards a role." />;
  }
  const buckets = [
    ['now', 'Ready now'],
    ['within6Months', 'Within 6 months'],
    ['within12Months', 'Within a year'],
    ['later', 'Later'],
    ['unknown', 'Not enough data'],
  ] as const;
  return (
    <ReportTable
      striped
      caption="Candidates per target role (people with an open plan towards it), by when they could step in."
      columns={['Target role', 'Team', 'Candidates', ...buckets.map(([, label]) => label), 'Blocks most']}
      rows={report.cells.map((cell) => ({
        key: `${cell.targetRoleId}-${cell.teamId}`,
        header: cell.targetRoleTitle,
        cells: [
          cell.teamName,
          formatFigure(cell.candidates, k, 'count'),
          ...buckets.map(([key]) => formatFigure(cell[key], k, 'count')),
          cell.blockers[0] ? `${cell.blockers[0].name} (${formatFigure(cell.blockers[0].people, k, 'count')})` : '–',
        ],
      }))}
    />
  );
}
