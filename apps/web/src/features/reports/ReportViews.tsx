import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { CalibrationReportQuery, ParticipationReportQuery, SkillGapsQuery, SuccessionReportQuery } from '../../gql/graphql';
import { Empty } from '../../components/QueryStates';
import { formatFigure, type FigureLike } from './reportsData';
import classes from './Reports.module.css';

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
          <div className={classes.tableScroll}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Skill</Table.Th>
                  <Table.Th scope="col">Share short</Table.Th>
                  <Table.Th scope="col">People short</Table.Th>
                  <Table.Th scope="col">Mean shortfall (levels)</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {root.gaps.map((gap) => (
                  <Table.Tr key={gap.skillId}>
                    <Table.Th scope="row" fw={500}>
                      {gap.skillName}
                    </Table.Th>
                    <Table.Td>
                      <ShareBar figure={gap.shareShort} k={k} label={`${gap.skillName}, share short`} />
                    </Table.Td>
                    <Table.Td>{formatFigure(gap.short, k, 'count')}</Table.Td>
                    <Table.Td>{formatFigure(gap.meanShortfall, k, 'level')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </section>
      {report.byRole.length > 0 ? (
        <section aria-labelledby="gaps-role-heading">
          <Title order={2} size="h3" id="gaps-role-heading" mb="xs">
            Largest gap per role
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Skill</Table.Th>
                <Table.Th scope="col">Share short</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.byRole.map((row) => {
                const top = row.gaps[0];
                return (
                  <Table.Tr key={row.roleId ?? ''}>
                    <Table.Th scope="row" fw={500}>
                      {row.roleTitle}
                    </Table.Th>
                    <Table.Td>{top?.skillName ?? '–'}</Table.Td>
                    <Table.Td>{top ? <ShareBar figure={top.shareShort} k={k} label={`${row.roleTitle ?? ''}, ${top.skillName}, share short`} /> : '–'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
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
                      {risk.skillName} L{risk.level}: {risk.holders === 0 ? 'nobody' : '1 person'}
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
          <div className={classes.tableScroll}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Skill</Table.Th>
                  <Table.Th scope="col">Level</Table.Th>
                  <Table.Th scope="col">Required</Table.Th>
                  <Table.Th scope="col">Actual</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.requiredVsActual.map((row) => (
                  <Table.Tr key={`${row.skillId}-${row.level}`}>
                    <Table.Th scope="row" fw={500}>
                      {row.skillName}
                    </Table.Th>
                    <Table.Td>{row.level}</Table.Td>
                    <Table.Td>{row.required}</Table.Td>
                    <Table.Td c={row.actual < row.required ? 'red.8' : undefined}>{row.actual}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
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
    <div className={classes.tableScroll}>
      <Table striped>
        <Table.Caption>Candidates per target role (people with an open plan towards it), by when they could step in.</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Target role</Table.Th>
            <Table.Th scope="col">Team</Table.Th>
            <Table.Th scope="col">Candidates</Table.Th>
            {buckets.map(([, label]) => (
              <Table.Th scope="col" key={label}>
                {label}
              </Table.Th>
            ))}
            <Table.Th scope="col">Blocks most</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.cells.map((cell) => (
            <Table.Tr key={`${cell.targetRoleId}-${cell.teamId}`}>
              <Table.Th scope="row" fw={500}>
                {cell.targetRoleTitle}
              </Table.Th>
              <Table.Td>{cell.teamName}</Table.Td>
              <Table.Td>{formatFigure(cell.candidates, k, 'count')}</Table.Td>
              {buckets.map(([key]) => (
                <Table.Td key={key}>{formatFigure(cell[key], k, 'count')}</Table.Td>
              ))}
              <Table.Td>{cell.blockers[0] ? `${cell.blockers[0].name} (${formatFigure(cell.blockers[0].people, k, 'count')})` : '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

export function CalibrationView({ report }: { report: CalibrationReportQuery['calibrationReport'] }) {
  const k = report.meta.k;
  const root = report.bySkill.filter((cell) => cell.teamId === report.bySkill[0]?.teamId);
  if (root.length === 0) return <Empty title="No calibration data yet" description="Calibration compares people's own ratings with their manager's." />;
  return (
    <Stack gap="xl">
      <div className={classes.tableScroll}>
        <Table striped>
          <Table.Caption>Manager minus self rating, per skill: positive when managers rate higher than people rate themselves.</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Skill</Table.Th>
              <Table.Th scope="col">Pairs</Table.Th>
              <Table.Th scope="col">Mean difference</Table.Th>
              <Table.Th scope="col">Spread (sd)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {root.map((cell) => {
              const mean = cell.meanDifference.suppressed ? null : cell.meanDifference.value;
              return (
                <Table.Tr key={cell.skillId}>
                  <Table.Th scope="row" fw={500}>
                    {cell.skillName}
                  </Table.Th>
                  <Table.Td>{formatFigure(cell.pairs, k, 'count')}</Table.Td>
                  <Table.Td>
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
                      <Text size="sm">{formatFigure(cell.meanDifference, k, 'difference')}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatFigure(cell.standardDeviation, k, 'level')}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
      <section aria-labelledby="assessors-heading">
        <Title order={2} size="h3" id="assessors-heading" mb="xs">
          Assessors
        </Title>
        <div className={classes.tableScroll}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Assessor</Table.Th>
                <Table.Th scope="col">People rated</Table.Th>
                <Table.Th scope="col">Mean difference</Table.Th>
                <Table.Th scope="col">Versus other assessors</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.assessors.map((a) => (
                <Table.Tr key={a.assessorId}>
                  <Table.Th scope="row" fw={500}>
                    {a.assessorName}
                  </Table.Th>
                  <Table.Td>{formatFigure(a.people, k, 'count')}</Table.Td>
                  <Table.Td>{formatFigure(a.meanDifference, k, 'difference')}</Table.Td>
                  <Table.Td>
                    {a.flag ? (
                      <Badge color={a.flag === 'above' ? 'teal' : 'grape'} variant="light">
                        Rates far {a.flag} the others ({formatFigure(a.shrunkOffset, k, 'difference')})
                      </Badge>
                    ) : (
                      formatFigure(a.shrunkOffset, k, 'difference')
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </section>
    </Stack>
  );
}

export function ParticipationView({ report }: { report: ParticipationReportQuery['participationReport'] }) {
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
      <div className={classes.tableScroll}>
        <Table striped>
          <Table.Caption>Shares of people (reviews: of plans in review; stale: of plans) per team.</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Team</Table.Th>
              <Table.Th scope="col">People</Table.Th>
              {shares.map(([, label]) => (
                <Table.Th scope="col" key={label}>
                  {label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((row) => (
              <Table.Tr key={row.teamId}>
                <Table.Th scope="row" fw={500}>
                  {row.teamName}
                </Table.Th>
                <Table.Td>{formatFigure(row.people, k, 'count')}</Table.Td>
                {shares.map(([key, label]) => (
                  <Table.Td key={key}>
                    <ShareBar figure={row[key]} k={k} label={`${row.teamName}, ${label}`} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <section aria-labelledby="training-heading">
        <Title order={2} size="h3" id="training-heading" mb="xs">
          Training demand across open plans
        </Title>
        {report.training.length === 0 ? (
          <Text size="sm">No qualification or course is planned in open plans.</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Qualification or course</Table.Th>
                <Table.Th scope="col">People wanting it</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.training.map((item) => (
                <Table.Tr key={`${item.kind}-${item.itemId}`}>
                  <Table.Th scope="row" fw={500}>
                    {item.title} <Badge variant="outline" size="xs">{item.kind}</Badge>
                  </Table.Th>
                  <Table.Td>{item.byTeam[0] ? formatFigure(item.byTeam[0].people, k, 'count') : '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  );
}
