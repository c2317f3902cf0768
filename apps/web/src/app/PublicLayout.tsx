import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, Outlet } from 'react-router';
import { PageSuspense } from '../components/PageSuspense';
import classes from './AppLayout.module.css';

/** The signed-out pages (sign in, sign up, invitations, password reset): the brand, and one card in the middle. */
export function PublicLayout() {
  return (
    <Box className={classes.publicPage}>
      <a href="#main-content" className={classes.skipLink}>
        Skip to main content
      </a>
      <header>
        <Container size="xl" py="md">
          <Link to="/sign-in" className={classes.brand}>
            <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="7" fill="var(--mantine-primary-color-filled)" />
              <path d="M9 25V7M23 25V7M9 11h14M9 16h14M9 21h14" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
            </svg>
            Trellis
          </Link>
        </Container>
      </header>
      <main id="main-content" tabIndex={-1} className={classes.publicMain}>
        <Container size={480} py="xl">
          <PageSuspense>
            <Outlet />
          </PageSuspense>
        </Container>
      </main>
    </Box>
  );
}

/** A signed-out page: its title as the page's h1, an optional lead sentence, then the form in a card. */
export function PublicCard({
  title,
  lead,
  children,
  footer,
}: {
  title: string;
  lead?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Stack gap="lg">
      <title>{`${title} · Trellis`}</title>
      <div>
        <Title order={1}>{title}</Title>
        {lead ? (
          <Text c="dimmed" mt={6}>
            {lead}
          </Text>
        ) : null}
      </div>
      <Paper withBorder p="xl" shadow="xs">
        {children}
      </Paper>
      {footer ? (
        <Group justify="center" gap="lg">
          {footer}
        </Group>
      ) : null}
    </Stack>
  );
}
