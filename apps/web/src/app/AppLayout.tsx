import { AppShell, Burger, Container, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { isAdmin, useSignedInViewer } from '../features/session/viewer';
import { NotificationsBell } from '../features/notifications/NotificationsBell';
import { PageSuspense } from '../components/PageSuspense';
import { AccountMenu } from './AccountMenu';
import classes from './AppLayout.module.css';

function TrellisMark() {
  return (
    <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--mantine-primary-color-filled)" />
      <path d="M9 25V7M23 25V7M9 11h14M9 16h14M9 21h14" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
    </svg>
  );
}

/** Moves keyboard and screen-reader focus to the new page after client-side navigation (and runs `onNavigate`). */
function useFocusMainOnNavigation(onNavigate: () => void) {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    onNavigate();
    mainRef.current?.focus({ preventScroll: false });
  }, [pathname, onNavigate]);
  return mainRef;
}

/** The main navigation; what a person's access role cannot use is not shown (the API enforces it anyway). */
function mainLinks(admin: boolean, manager: boolean): { to: string; label: string }[] {
  return [
    { to: '/my-career', label: 'My career' },
    { to: '/my-plan', label: 'My plan' },
    ...(manager ? [{ to: '/my-team', label: 'My team' }] : []),
    { to: '/shared-with-me', label: 'Shared with me' },
    { to: '/frameworks', label: 'Frameworks' },
    { to: '/people', label: 'People' },
    { to: '/teams', label: 'Teams' },
    ...(admin ? [{ to: '/admin', label: 'Admin' }] : []),
  ];
}

/**
 * The signed-in frame. From the `sm` breakpoint up the main links sit in the header; below it (phones) a menu
 * button opens them as a panel under the header, so the header never grows wider than the screen.
 */
export function AppLayout({ children }: { children?: ReactNode }) {
  const [menuOpened, menu] = useDisclosure(false);
  const mainRef = useFocusMainOnNavigation(menu.close);
  const viewer = useSignedInViewer();
  const links = mainLinks(isAdmin(viewer), viewer.isManager);
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !menuOpened, desktop: true } }} padding={0}>
      <a href="#main-content" className={classes.skipLink}>
        Skip to main content
      </a>
      <AppShell.Header className={classes.header}>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="md">
            <Group gap="sm" wrap="nowrap" className={classes.start}>
              <Burger opened={menuOpened} onClick={menu.toggle} hiddenFrom="sm" size="sm" aria-label={menuOpened ? 'Close the menu' : 'Menu'} aria-expanded={menuOpened} aria-controls="main-menu" />
              <Link to="/frameworks" className={classes.brand}>
                <TrellisMark />
                <span className={classes.brandName}>Trellis</span>
              </Link>
              <nav aria-label="Main" className={classes.nav}>
                <Group gap={4} component="ul" wrap="nowrap" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {links.map((link) => (
                    <li key={link.to}>
                      <NavLink to={link.to} className={classes.navLink}>
                        {link.label}
                      </NavLink>
                    </li>
                  ))}
                </Group>
              </nav>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <NotificationsBell />
              <AccountMenu />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Navbar id="main-menu" hiddenFrom="sm" p="sm">
        {menuOpened ? (
          <nav aria-label="Main">
            <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} className={classes.menuLink} onClick={menu.close}>
                    {link.label}
                  </NavLink>
                </li>
              ))}
            </Stack>
          </nav>
        ) : null}
      </AppShell.Navbar>
      <AppShell.Main id="main-content" ref={mainRef} tabIndex={-1} className={classes.main}>
        <Container size="xl" py="xl">
          <PageSuspense>{children ?? <Outlet />}</PageSuspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
