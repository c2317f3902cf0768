import { Stack, Text } from '@mantine/core';

export interface MentorRatingView {
  skillKey: string;
  level: number;
  mentorName: string;
  note?: string;
}

/** Readiness counts self and manager ratings only (the more recent, the manager's on a tie): said wherever a mentor's rating is shown. */
export const READINESS_SOURCE_NOTE = 'Readiness uses your own and your manager’s ratings (the more recent one); a mentor’s rating is shown beside them as a third view.';
export const READINESS_SOURCE_NOTE_OTHERS = 'Readiness uses their own and their manager’s ratings (the more recent one); a mentor’s rating is shown beside them as a third view.';

/** A skill's mentor ratings, each labelled "Mentor (name)": the third source beside self and manager. */
export function MentorRatingsCell({ ratings, skillKey, levelName }: { ratings: readonly MentorRatingView[]; skillKey: string; levelName: (level: number) => string }) {
  const mine = ratings.filter((r) => r.skillKey === skillKey);
  if (mine.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Not rated
      </Text>
    );
  return (
    <Stack gap={2}>
      {mine.map((r) => (
        <Text size="sm" key={r.mentorName}>
          Mentor ({r.mentorName}): {levelName(r.level)}
        </Text>
      ))}
    </Stack>
  );
}
