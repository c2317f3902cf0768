import { Box, Button, Group, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { Fragment } from 'react';
import type { SkillHeatmapQuery } from '../../gql/graphql';
import classes from './Reports.module.css';

type Heatmap = SkillHeatmapQuery['skillHeatmap'];

/** Colour of a share meeting expectations: red (few) through amber to green (most); grey when unknown. */
export function shareColour(share: number | null | undefined): string {
  if (share === null || share === undefined) return 'var(--mantine-color-gray-1)';
  if (share >= 0.8) return 'var(--mantine-color-green-2)';
  if (share >= 0.6) return 'var(--mantine-color-lime-2)';
  if (share >= 0.4) return 'var(--mantine-color-yellow-2)';
  if (share >= 0.2) return 'var(--mantine-color-orange-2)';
  return 'var(--mantine-color-red-2)';
}

const LEGEND = [
  { label: '80% or more meet their role', share: 0.9 },
  { label: '60–79%', share: 0.7 },
  { label: '40–59%', share: 0.5 },
  { label: '20–39%', share: 0.3 },
  { label: 'under 20%', share: 0.1 },
  { label: 'no expectation or hidden', share: null },
];

/**
 * The heatmap as a real table: teams down, skills (grouped by category) across. Every cell shows
 * its average level and share meeting as text (colour only repeats it) and says the whole figure to
 * screen readers; a hidden figure reads "<k". Only the grid scrolls sideways on a phone.
 */
export function HeatmapGrid({ heatmap, onDrill }: { heatmap: Heatmap; onDrill: (teamId: string) => void }) {
  const { columns, rows, meta } = heatmap;
  const k = meta.k;
  const groups: { categoryId: string; categoryName: string; span: number }[] = [];
  for (const column of columns) {
    const last = groups[groups.length - 1];
    if (last && last.categoryId === column.categoryId) last.span += 1;
    else groups.push({ categoryId: column.categoryId, categoryName: column.categoryName, span: 1 });
  }
  return (
    <Box>
      <Group gap="xs" mb="xs" aria-label="Colour key" role="group">
        {LEGEND.map((item) => (
          <Group key={item.label} gap={4} wrap="nowrap">
            <span className={classes.swatch} style={{ background: shareColour(item.share) }} aria-hidden="true" />
            <Text size="xs">{item.label}</Text>
          </Group>
        ))}
      </Group>
      <div className={classes.gridScroll} tabIndex={0} role="region" aria-label="Skill heatmap (scrolls sideways)">
        <table className={classes.heatmap}>
          <caption className={classes.caption}>
            Each cell: average level (people assessed) and the share meeting their own role&apos;s expectation. &quot;&lt;{k}&quot; = hidden, fewer than {k}{' '}
            people.
          </caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2} className={classes.teamHead}>
                Team
              </th>
              {groups.map((group) => (
                <th key={group.categoryId} scope="colgroup" colSpan={group.span} className={classes.categoryHead}>
                  {group.categoryName}
                </th>
              ))}
            </tr>
            <tr>
              {columns.map((column) => (
                <th key={column.skillId} scope="col" className={classes.skillHead}>
                  <span>{column.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.teamId} className={row.isDrillRoot ? classes.rootRow : undefined}>
                <th scope="row" className={classes.teamCell}>
                  {row.hasChildren && !row.isDrillRoot ? (
                    <UnstyledButton className={classes.drill} onClick={() => onDrill(row.teamId)} aria-label={`${row.name}: open its sub-teams`}>
                      {row.name} ›
                    </UnstyledButton>
                  ) : (
                    <span>{row.isDrillRoot ? `${row.name} (all)` : row.name}</span>
                  )}
                </th>
                {columns.map((column, i) => {
                  const hidden = row.assessedSuppressed[i];
                  const assessed = row.assessed[i];
                  const average = row.averageLevel[i];
                  const share = row.shareMeeting[i];
                  const meetingHidden = row.meetingSuppressed[i];
                  let visible: string;
                  let spoken: string;
                  if (hidden) {
                    visible = `<${k}`;
                    spoken = `${column.name}: hidden, fewer than ${k} people`;
                  } else if (!assessed) {
                    visible = '–';
                    spoken = `${column.name}: nobody assessed`;
                  } else {
                    const shareText = meetingHidden ? `<${k}` : share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`;
                    visible = `${average?.toFixed(1) ?? '–'} · ${shareText}`;
                    spoken = `${column.name}: ${assessed} assessed, average level ${average?.toFixed(1) ?? 'unknown'}, ${
                      meetingHidden ? `share meeting hidden (fewer than ${k})` : share === null || share === undefined ? 'no expectation' : `${Math.round(share * 100)}% meeting their role`
                    }`;
                  }
                  return (
                    <td
                      key={column.skillId}
                      className={classes.cell}
                      style={{ background: hidden || meetingHidden ? shareColour(null) : shareColour(share) }}
                      title={hidden ? `Hidden: fewer than ${k} people, or it would reveal such a group` : undefined}
                    >
                      <span aria-hidden="true">{visible}</span>
                      {!hidden && assessed ? (
                        <span aria-hidden="true" className={classes.count}>
                          {assessed}
                        </span>
                      ) : null}
                      <VisuallyHidden>{spoken}</VisuallyHidden>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Box>
  );
}

/** A row of drill-up buttons: the organisation, then each team down to the one drilled into. */
export function DrillTrail({ trail, onDrill }: { trail: { teamId: string; name: string }[]; onDrill: (teamId: string | null) => void }) {
  return (
    <nav aria-label="Team drill-down">
      <Group gap={4} wrap="wrap">
        {trail.map((crumb, i) => (
          <Fragment key={crumb.teamId}>
            {i > 0 ? <Text aria-hidden="true">›</Text> : null}
            {i < trail.length - 1 ? (
              <Button variant="subtle" size="compact-sm" onClick={() => onDrill(crumb.teamId === '*' ? null : crumb.teamId)}>
                {crumb.name}
              </Button>
            ) : (
              <Text size="sm" fw={600} aria-current="location">
                {crumb.name}
              </Text>
            )}
          </Fragment>
        ))}
      </Group>
    </nav>
  );
}
