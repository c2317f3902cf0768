import { Badge, Group, Modal, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { ApolloClient } from '@apollo/client';
import { skipToken, useApolloClient, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { graphql } from '../../gql';
import type { FrameworkVersionsQuery as FrameworkVersionsResult } from '../../gql/graphql';
import { ErrorState, LoadingState, NoAccessState, NotFoundState } from '../../components/QueryStates';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { describeError, isNotFoundError } from '../../lib/errors';
import { formatDateTime } from '../../lib/labels';
import { isAdmin, useSignedInViewer } from '../session/viewer';
import { DiffView } from './DiffView';
import { DraftTools } from './DraftTools';
import { ExportButtons } from './ExportButtons';
import { PublishPanel } from './PublishPanel';

export const FrameworkVersionsQuery = graphql(`
  query FrameworkVersions($id: ID!) {
    framework(id: $id) {
      id
      key
      name
      versions {
        id
        number
        status
        publishedAt
        publishedBy {
          id
          name
        }
      }
      draft {
        frameworkId
        revision
        updatedAt
        updatedBy {
          id
          name
        }
      }
    }
  }
`);

export const FrameworkVersionDiffQuery = graphql(`
  query FrameworkVersionDiff($frameworkId: ID!, $from: Int!, $to: Int) {
    frameworkVersionDiff(frameworkId: $frameworkId, from: $from, to: $to) {
      ...FrameworkDiffFields
    }
  }
`);

type Framework = NonNullable<FrameworkVersionsResult['framework']>;
type Version = Framework['versions'][number];

const DRAFT = 'draft';
const statusColor: Record<Version['status'], string> = { PUBLISHED: 'green', ARCHIVED: 'gray', DRAFT: 'yellow' };
const statusLabel: Record<Version['status'], string> = { PUBLISHED: 'Published', ARCHIVED: 'Archived', DRAFT: 'Draft' };

function HistoryTable({ framework }: { framework: Framework }) {
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table withTableBorder striped aria-label="Version history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Version</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Published</Table.Th>
            <Table.Th scope="col">By</Table.Th>
            <Table.Th scope="col">Export</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {framework.versions.map((version) => (
            <Table.Tr key={version.id}>
              <Table.Th scope="row">Version {version.number}</Table.Th>
              <Table.Td>
                <Badge color={statusColor[version.status]} variant="light">
                  {statusLabel[version.status]}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDateTime(version.publishedAt) ?? '–'}</Table.Td>
              <Table.Td>{version.publishedBy?.name ?? '–'}</Table.Td>
              <Table.Td>
                <ExportButtons frameworkId={framework.id} frameworkKey={framework.key} version={version.number} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Compare({ framework, hasDraft }: { framework: Framework; hasDraft: boolean }) {
  const numbers = framework.versions.map((v) => v.number).sort((a, b) => a - b);
  const newest = numbers.at(-1) ?? null;
  // By default: the newest version against the draft, or else against the version before it.
  const [from, setFrom] = useState<string | null>(newest === null ? null : String(hasDraft ? newest : (numbers.at(-2) ?? newest)));
  const [to, setTo] = useState<string | null>(hasDraft ? DRAFT : newest === null ? null : String(newest));
  const variables = from && to ? { frameworkId: framework.id, from: Number(from), to: to === DRAFT ? null : Number(to) } : null;
  const { data, loading, error, refetch } = useQuery(FrameworkVersionDiffQuery, variables ? { variables, fetchPolicy: 'cache-and-network' } : skipToken);
  const options = numbers.map((n) => ({ value: String(n), label: `Version ${n}` }));
  return (
    <Stack gap="md">
      <Group align="flex-end">
        <Select label="From" data={options} value={from} onChange={setFrom} allowDeselect={false} w={180} />
        <Select
          label="To"
          data={[...options, ...(hasDraft ? [{ value: DRAFT, label: 'Draft' }] : [])]}
          value={to}
          onChange={setTo}
          allowDeselect={false}
          w={180}
        />
      </Group>
      {!variables ? (
        <Text size="sm">There is nothing to compare yet.</Text>
      ) : loading && !data ? (
        <LoadingState label="Comparing versions…" />
      ) : error && !data ? (
        <ErrorState title="Could not compare the versions" error={error} onRetry={() => refetch()} />
      ) : data ? (
        <DiffView diff={data.frameworkVersionDiff} />
      ) : null}
    </Stack>
  );
}

/**
 * After publishing: a new version, the old one archived, the draft gone, people in new roles. This page's
 * history and draft reload (the report stays on screen); what other pages cached about the framework and
 * people is dropped, so they ask again when opened.
 */
async function refreshAfterPublishing(client: ApolloClient, frameworkId: string): Promise<void> {
  await client.refetchQueries({ include: [FrameworkVersionsQuery] });
  const { cache } = client;
  cache.evict({ id: cache.identify({ __typename: 'Framework', id: frameworkId }), fieldName: 'currentVersion' });
  for (const fieldName of ['frameworks', 'people', 'person', 'role']) cache.evict({ id: 'ROOT_QUERY', fieldName });
  cache.gc();
}

function FrameworkNotFound() {
  return <NotFoundState title="Framework not found" message="This framework does not exist, or it belongs to another organisation." backTo="/frameworks" backLabel="Back to frameworks" />;
}

/** A framework's versions (admins): history, the diff between any two (or the draft), exports, imports and publishing. */
export function FrameworkVersionsPage() {
  const { frameworkId } = useParams();
  const admin = isAdmin(useSignedInViewer());
  const { data, loading, error, refetch } = useQuery(FrameworkVersionsQuery, frameworkId && admin ? { variables: { id: frameworkId } } : skipToken);
  const [publishing, setPublishing] = useState(false);
  const client = useApolloClient();

  if (!admin) {
    return (
      <NoAccessState
        title="You need admin rights"
        message="Versions, imports and publishing are for your organisation's admins (the PMO lead). The framework's published version is open to everyone."
      />
    );
  }

  if (loading && !data) return <LoadingState label="Loading the version history…" />;
  if (error && !data) {
    if (isNotFoundError(error)) return <FrameworkNotFound />;
    return <ErrorState title="Could not load the version history" error={error} onRetry={() => refetch()} />;
  }
  const framework = data?.framework;
  if (!framework || !frameworkId) return <FrameworkNotFound />;

  return (
    <Stack gap="xl">
      <title>{`Versions · ${framework.name} · Trellis`}</title>
      <PageBreadcrumbs items={[{ label: 'Frameworks', to: '/frameworks' }, { label: framework.name, to: `/frameworks/${framework.id}` }, { label: 'Versions' }]} />
      <Title order={1}>Versions of {framework.name}</Title>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="draft-heading">
        <Title order={2} size="h3" id="draft-heading" mb="sm">
          Draft
        </Title>
        <DraftTools
          frameworkId={framework.id}
          frameworkKey={framework.key}
          draft={framework.draft ?? null}
          refetch={() => refetch()}
          onPublish={() => setPublishing(true)}
        />
      </Paper>

      <section aria-labelledby="history-heading">
        <Title order={2} size="h3" id="history-heading" mb="sm">
          History
        </Title>
        <HistoryTable framework={framework} />
      </section>

      <section aria-labelledby="compare-heading">
        <Title order={2} size="h3" id="compare-heading" mb="sm">
          Compare versions
        </Title>
        {/* A new version, or a draft that appears or goes, changes what is worth comparing: start afresh. */}
        <Compare key={`${framework.versions.length}-${framework.draft !== null}`} framework={framework} hasDraft={framework.draft !== null} />
      </section>

      <Modal opened={publishing} onClose={() => setPublishing(false)} title="Publish the draft" size="xl">
        <PublishPanel
          frameworkId={framework.id}
          onPublished={() => {
            void refreshAfterPublishing(client, framework.id).catch((err: unknown) => console.warn(describeError(err)));
          }}
        />
      </Modal>
    </Stack>
  );
}
