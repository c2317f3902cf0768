import { Badge, Stack, Text, Title } from '@mantine/core';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import type { TrackKind } from '../../gql/graphql';
import { trackColor, trackKindColor, trackKindLabel } from '../../lib/labels';
import classes from './TrackLadders.module.css';

export interface LadderRole {
  id: string;
  title: string;
  level: number;
  band?: number | null;
  /** The role's own track: a role shared with this track from another shows where it belongs. */
  track?: { id: string; name: string } | null;
}

export interface LadderTrack {
  id: string;
  name: string;
  kind: TrackKind;
  description?: string | null;
  groupKey?: string | null;
  roles: LadderRole[];
}

export function byLevel(a: LadderRole, b: LadderRole): number {
  return a.level - b.level || a.title.localeCompare(b.title);
}

/** Tracks side by side, each a ladder of its roles from the first rung (bottom) up. */
export function TrackLadders({ tracks, headingOrder = 3 }: { tracks: LadderTrack[]; headingOrder?: 3 | 4 }) {
  return (
    <div className={classes.tracks}>
      {tracks.map((track, index) => {
        const headingId = `track-${track.id}`;
        const roles = [...track.roles].sort(byLevel);
        return (
          <div
            key={track.id}
            className={classes.track}
            style={{ '--track-color': trackColor(index) } as CSSProperties}
            data-testid="track"
          >
            <div>
              <Title order={headingOrder} size="h5" id={headingId}>
                {track.name}
              </Title>
              <Badge variant="light" color={trackKindColor[track.kind]} size="sm" mt={6}>
                {trackKindLabel[track.kind]}
              </Badge>
              {track.description ? (
                <Text size="xs" c="dimmed" mt={6}>
                  {track.description}
                </Text>
              ) : null}
            </div>
            {roles.length === 0 ? (
              <Text size="sm" c="dimmed" mt="auto">
                No roles on this track yet.
              </Text>
            ) : (
              <ol className={classes.ladder} aria-label={`${track.name} roles, from the first rung up`}>
                {roles.map((role) => (
                  <li key={role.id} className={classes.rung}>
                    <span className={classes.rungMeta}>
                      Level {role.level}
                      {role.band != null ? ` · Band ${role.band}` : ''}
                    </span>
                    <Link to={`/roles/${role.id}`} className={classes.rungLink}>
                      {role.title}
                    </Link>
                    {role.track && role.track.id !== track.id ? (
                      <span className={classes.rungMeta}>Shared with {role.track.name}</span>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </div>
        );
      })}
    </div>
  );
}

export interface LadderGroup {
  key: string;
  name: string;
  description?: string | null;
}

/**
 * The ladders under their groups (departments), in the order the groups are listed; tracks in no group come last
 * under "Other tracks" (or alone when the framework has no groups).
 */
export function GroupedLadders({ tracks, groups }: { tracks: LadderTrack[]; groups: readonly LadderGroup[] }) {
  if (groups.length === 0) return <TrackLadders tracks={tracks} />;
  const known = new Set(groups.map((g) => g.key));
  const sections = [
    ...groups.map((group) => ({ key: group.key, name: group.name, description: group.description ?? null, tracks: tracks.filter((t) => t.groupKey === group.key) })),
    { key: '', name: 'Other tracks', description: null, tracks: tracks.filter((t) => !t.groupKey || !known.has(t.groupKey)) },
  ].filter((section) => section.tracks.length > 0);
  return (
    <Stack gap="lg">
      {sections.map((section) => (
        <section key={section.key} aria-labelledby={`track-group-${section.key || 'other'}`}>
          <Title order={3} size="h4" id={`track-group-${section.key || 'other'}`}>
            {section.name}
          </Title>
          {section.description ? (
            <Text size="sm" c="dimmed" mb="xs">
              {section.description}
            </Text>
          ) : null}
          <TrackLadders tracks={section.tracks} headingOrder={4} />
        </section>
      ))}
    </Stack>
  );
}
