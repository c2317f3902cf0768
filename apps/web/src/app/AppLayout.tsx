import { AppShell, Container, Group } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import classes from './AppLayout.module.css';

function TrellisMark() {
  return (
    <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--mantine-primary-color-filled)" />
      <path d="M9 25V7M23 25V7M9 11h14M9 16h14M9 21h14" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
    </svg>
  );
}

/** Moves keyboard and screen-reader focus to the new page after client-side navigation. */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    mainRef.current?.focus({ preventScroll: false });
  }, [pathname]);
  return mainRef;
}

export function AppLayout({ children }: { children?: ReactNode }) {
  const mainRef = useFocusMainOnNavigation();
  return (
    <AppShell header={{ height: 60 }} padding={0}>
      <a href="#main-content" className={classes.skipLink}>
        Skip to main content
      </a>
      <AppShell.Header className={classes.header}>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Link to="/frameworks" className={classes.brand}>
              <TrellisMark />
              Trellis
            </Link>
            <nav aria-label="Main">
              <Group gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                <li>
                  <NavLink to="/frameworks" className={classes.navLink}>
                    Frameworks
                  </NavLink>
                </li>
              </Group>
            </nav>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main id="main-content" ref={mainRef} tabIndex={-1} className={classes.main}>
        <Container size="xl" py="xl">
          {children ?? <Outlet />}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
