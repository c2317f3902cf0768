import { Group, Stack } from '@mantine/core';
import { NavLink, Outlet } from 'react-router';
import { PageSuspense } from '../../components/PageSuspense';
import { NoAccessState } from '../../components/QueryStates';
import { isAdmin, useSignedInViewer } from '../session/viewer';
import classes from '../../app/AppLayout.module.css';

const sections = [
  { to: '/admin/people', label: 'People' },
  { to: '/admin/invitations', label: 'Invitations' },
  { to: '/admin/import', label: 'Import' },
  { to: '/admin/audit', label: 'Audit log' },
  { to: '/admin/approvers', label: 'Plan approvers' },
];

/** The admin area: only admins get past this; everyone else is told plainly why not. */
export function AdminLayout() {
  const viewer = useSignedInViewer();
  if (!isAdmin(viewer)) {
    return (
      <NoAccessState
        title="You need admin rights"
        message="This part of Trellis is for your organisation's admins (the PMO lead). If you need something changed, ask one of them."
      />
    );
  }
  return (
    <Stack gap="lg">
      <nav aria-label="Admin">
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
