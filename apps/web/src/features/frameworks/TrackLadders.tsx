import { Badge, Text, Title } from '@mantine/core';
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
}

export interface LadderTrack {
  id: string;
  name: string;
  kind: TrackKind;
  description?: string | null;
  roles: LadderRole[];
}

export function byLevel(a: LadderRole, b: LadderRole): number {
  return a.level - b.level || a.title.localeCompare(b.title);
}

/** Tracks side by side, each a ladder of its roles from the first rung (bottom) up. */
export function TrackLadders({ tracks }: { tracks: LadderTrack[] }) {
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
              <Title order={3} size="h5" id={headingId}>
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
