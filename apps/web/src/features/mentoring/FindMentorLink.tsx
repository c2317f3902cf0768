import { Button } from '@mantine/core';
import { Link } from 'react-router';

/** The "Find a mentor" entry the plan page mounts: mentors for my plan's gap skills. */
export function FindMentorLink() {
  return (
    <Button component={Link} to="/mentoring/find" variant="light" aria-label="Find a mentor for my plan's gap skills">
      Find a mentor
    </Button>
  );
}
