import { Group, Stack } from '@mantine/core';
import { NavLink, Outlet } from 'react-router';
import { PageSuspense } from '../../components/PageSuspense';
import { isAdmin, useSignedInViewer } from '../session/viewer';
import classes from '../../app/AppLayout.module.css';

/** The mentoring area: my mentors, my mentees, my offer to mentor, finding a mentor, programmes. */
export function MentoringLayout() {
  const viewer = useSignedInViewer();
  const sections = [
    { to: '/mentoring/mentors', label: 'My mentors' },
    { to: '/mentoring/mentees', label: 'My mentees' },
    { to: '/mentoring/find', label: 'Find a mentor' },
    { to: '/mentoring/profile', label: 'Offer to mentor' },
    { to: '/mentoring/programmes', label: isAdmin(viewer) ? 'Programmes' : 'Programmes I can join' },
  ];
  return (
    <Stack gap="lg">
      <nav aria-label="Mentoring">
        <Group gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} wrap="wrap">
          {sections.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to} className={classes.navLink}>
                {section.label}
              </NavLink>
            </li>
          ))}
        </Group>
      </nav>
      <PageSuspense>
        <Outlet />
      </PageSuspense>
    </Stack>
  );
}
