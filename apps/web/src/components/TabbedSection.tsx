import { Group, Stack } from '@mantine/core';
import { NavLink, Outlet } from 'react-router';
import { PageSuspense } from './PageSuspense';
import classes from '../app/AppLayout.module.css';

export interface SectionTab {
  to: string;
  label: string;
}

/**
 * An area of the app with its own row of tabs (links, so each has its own address and the browser's
 * back button works) above the page of the tab: Admin and Mentoring. `label` names the navigation
 * landmark for screen readers.
 */
export function TabbedSection({ label, tabs }: { label: string; tabs: readonly SectionTab[] }) {
  return (
    <Stack gap="lg">
      <nav aria-label={label}>
        <Group gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} wrap="wrap">
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} className={classes.navLink}>
                {tab.label}
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
