import { AppShell, Burger, Container, Group, Menu, Stack, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { canSeeReports, isAdmin, useSignedInViewer } from '../features/session/viewer';
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

interface MainLink {
  to: string;
  label: string;
  /** Lower stays in the header longer when there is no room for every link (the rest go under "More"). */
  rank: number;
}

/** The main navigation; what a person's access role cannot use is not shown (the API enforces it anyway). */
export function mainLinks(admin: boolean, manager: boolean, leadership: boolean): MainLink[] {
  return [
    { to: '/my-career', label: 'My career', rank: 1 },
    { to: '/my-plan', label: 'My plan', rank: 2 },
    ...(manager ? [{ to: '/my-team', label: 'My team', rank: 3 }] : []),
    { to: '/shared-with-me', label: 'Shared with me', rank: 8 },
    { to: '/mentoring', label: 'Mentoring', rank: 6 },
    { to: '/frameworks', label: 'Frameworks', rank: 7 },
    { to: '/people', label: 'People', rank: 9 },
    { to: '/teams', label: 'Teams', rank: 10 },
    ...(leadership ? [{ to: '/reports', label: 'Reports', rank: 4 }] : []),
    ...(admin ? [{ to: '/admin', label: 'Admin', rank: 5 }] : []),
  ];
}

/**
 * Splits the links into those shown in the header and those under "More": at most `room` in the header
 * (one fewer when some must go under "More", which takes a place), the best-ranked kept, in their usual order.
 */
export function splitLinks(links: MainLink[], room: number): { shown: MainLink[]; more: MainLink[] } {
  if (links.length <= room) return { shown: links, more: [] };
  const kept = new Set([...links].sort((a, b) => a.rank - b.rank).slice(0, Math.max(1, room - 1)));
  return { shown: links.filter((l) => kept.has(l)), more: links.filter((l) => !kept.has(l)) };
}

/**
 * How many links fit beside the brand, the bell and the account button: measured at 1280, 1024 and 768 px with
 * the longest labels (an admin's ten did not fit at 1280 and wrapped onto two lines).
 */
function useHeaderRoom(): number {
  // Wide unless a query says otherwise (so the first paint, and jsdom, show the full header).
  const medium = useMediaQuery('(max-width: 74.99em)', false, { getInitialValueInEffect: false });
  const small = useMediaQuery('(max-width: 61.99em)', false, { getInitialValueInEffect: false });
  if (small) return 4;
  if (medium) return 5;
  return 7;
}

/** The links that do not fit in the header, as a menu (arrow keys move, Escape closes and focus returns to "More"). */
function MoreLinks({ links }: { links: MainLink[] }) {
  const { pathname } = useLocation();
  const current = links.some((link) => pathname === link.to || pathname.startsWith(`${link.to}/`));
  return (
    <Menu position="bottom-end" shadow="md" width={200} loop>
      <Menu.Target>
        <UnstyledButton className={classes.navLink} data-current={current || undefined} aria-label={current ? 'More (current page is in this menu)' : undefined}>
          More <Chevron />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {links.map((link) => (
          <Menu.Item key={link.to} component={NavLink} to={link.to} className={classes.moreLink}>
            {link.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function Chevron() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false" style={{ marginLeft: 4, verticalAlign: 'middle' }}>
      <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The signed-in frame. From the `sm` breakpoint up the main links sit in the header, those that do not fit under
 * "More"; below it (phones) a menu button opens them all as a panel under the header, so the header never grows
 * wider than the screen.
 */
export function AppLayout({ children }: { children?: ReactNode }) {
  const [menuOpened, menu] = useDisclosure(false);
  const mainRef = useFocusMainOnNavigation(menu.close);
  const viewer = useSignedInViewer();
  const links = mainLinks(isAdmin(viewer), viewer.isManager, canSeeReports(viewer.accessRole));
  const { shown, more } = splitLinks(links, useHeaderRoom());
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
                  {shown.map((link) => (
                    <li key={link.to}>
                      <NavLink to={link.to} className={classes.navLink}>
                        {link.label}
                      </NavLink>
                    </li>
                  ))}
                  {more.length > 0 ? (
                    <li>
                      <MoreLinks links={more} />
                    </li>
                  ) : null}
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
