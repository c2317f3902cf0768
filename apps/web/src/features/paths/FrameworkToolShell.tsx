import { Anchor, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { skipToken, useQuery } from '@apollo/client/react';
import { useMemo, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Empty, ErrorState, LoadingState, NotFoundState } from '../../components/QueryStates';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { isNotFoundError } from '../../lib/errors';
import { FrameworkBrowserQuery } from '../frameworks/FrameworkPage';
import { buildFrameworkView, type BrowsedVersion, type FrameworkView } from '../frameworks/frameworkView';

export interface FrameworkTool {
  frameworkId: string;
  version: BrowsedVersion;
  view: FrameworkView;
}

/**
 * The frame of a page that works on one framework's published version (comparing roles, finding routes): it reads
 * the version as the framework page does (same query, so the cache answers when coming from there), and shows the
 * loading, error, not-found and no-published-version states before handing the version to its content.
 */
export function FrameworkToolShell({
  title,
  intro,
  children,
}: {
  title: string;
  intro: ReactNode;
  children: (tool: FrameworkTool) => ReactNode;
}) {
  const { frameworkId } = useParams();
  const { data, loading, error, refetch } = useQuery(FrameworkBrowserQuery, frameworkId ? { variables: { id: frameworkId } } : skipToken);
  const framework = data?.framework;
  const version = framework?.currentVersion ?? null;
  const view = useMemo(() => (version ? buildFrameworkView(version) : null), [version]);

  if (error && !framework) {
    if (isNotFoundError(error)) return <FrameworkMissing />;
    return (
      <Stack gap="lg">
        <PageBreadcrumbs items={[{ label: 'Frameworks', to: '/frameworks' }, { label: title }]} />
        <ErrorState title="Could not load this framework" error={error} onRetry={() => refetch()} />
      </Stack>
    );
  }
  if (loading && !data) {
    return (
      <LoadingState label="Loading framework…">
        <Skeleton height={14} width={200} />
        <Skeleton height={36} width="40%" />
        <Group grow>
          <Skeleton height={60} />
          <Skeleton height={60} />
        </Group>
        <Skeleton height={240} />
      </LoadingState>
    );
  }
  if (!framework || !frameworkId) return <FrameworkMissing />;

  return (
    <Stack gap="xl">
      <title>{`${title} · ${framework.name} · Trellis`}</title>
      <Stack gap="xs">
        <PageBreadcrumbs
          items={[
            { label: 'Frameworks', to: '/frameworks' },
            { label: framework.name, to: `/frameworks/${framework.id}` },
            { label: title },
          ]}
        />
        <Title order={1}>{title}</Title>
        <Text maw={820}>{intro}</Text>
      </Stack>
      {!version || !view ? (
        <Paper withBorder p="lg">
          <Empty
            title="No published version yet"
            description={
              <>
                Roles can be compared once this framework has a published version.{' '}
                <Anchor component={Link} to={`/frameworks/${framework.id}`}>
                  Back to the framework
                </Anchor>
              </>
            }
          />
        </Paper>
      ) : version.tracks.every((track) => track.roles.length === 0) ? (
        <Paper withBorder p="lg">
          <Empty title="No roles yet" description="This framework version has no roles to compare or route between." />
        </Paper>
      ) : (
        children({ frameworkId, version, view })
      )}
    </Stack>
  );
}

function FrameworkMissing() {
  return (
    <NotFoundState
      title="Framework not found"
      message="There is no framework at this address. It may have been removed, or the link may be wrong."
      backTo="/frameworks"
      backLabel="Back to all frameworks"
    />
  );
}
