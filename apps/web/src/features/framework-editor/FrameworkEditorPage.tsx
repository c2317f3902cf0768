import { Alert, Badge, Button, CloseButton, Group, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../gql';
import { ErrorState, LoadingState, NoAccessState, NotFoundState } from '../../components/QueryStates';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { describeError, isNotFoundError } from '../../lib/errors';
import { isAdmin, useSignedInViewer } from '../session/viewer';
import type { Draft } from './draft';
import { DraftProblems } from './DraftProblems';
import { ExpectationsGrid } from './ExpectationsGrid';
import { QualificationsPanel } from './QualificationsPanel';
import { RolesBoard } from './RolesBoard';
import { ScalePanel } from './ScalePanel';
import { LevellingPanel } from './LevellingPanel';
import { SkillsLibrary } from './SkillsLibrary';
import { TransitionsPanel } from './TransitionsPanel';
import { useDraftEditor } from './useDraftEditor';

export const FrameworkEditorQuery = graphql(`
  query FrameworkEditor($id: ID!) {
    framework(id: $id) {
      id
      name
      currentVersion {
        id
        number
      }
      draft {
        ...DraftFields
      }
    }
  }
`);

export const StartFrameworkDraftMutation = graphql(`
  mutation StartFrameworkDraft($frameworkId: ID!) {
    startFrameworkDraft(frameworkId: $frameworkId) {
      ...DraftFields
    }
  }
`);

export const DiscardFrameworkDraftMutation = graphql(`
  mutation DiscardFrameworkDraft($frameworkId: ID!, $expectedRevision: Int!) {
    discardFrameworkDraft(frameworkId: $frameworkId, expectedRevision: $expectedRevision)
  }
`);

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' });

/** The admin's editor of a framework's draft: roles board, skills, expectations grid, moves, qualifications, scale. */
export function FrameworkEditorPage() {
  const viewer = useSignedInViewer();
  const { frameworkId } = useParams();
  const admin = isAdmin(viewer);
  const { data, loading, error, refetch } = useQuery(FrameworkEditorQuery, admin && frameworkId ? { variables: { id: frameworkId } } : skipToken);
  const [start, started] = useMutation(StartFrameworkDraftMutation);

  if (!admin) {
    return <NoAccessState title="Edit framework" message="Only admins edit frameworks. Everyone sees the published version on the framework's page." />;
  }
  const framework = data?.framework;
  if (error && !framework) {
    if (isNotFoundError(error)) return <NotFoundState title="Framework not found" message="There is no framework at this address." backTo="/frameworks" backLabel="Back to all frameworks" />;
    return <ErrorState title="Could not load the framework" error={error} onRetry={() => refetch()} />;
  }
  if (loading && !data) return <LoadingState label="Loading the editor…" />;
  if (!framework) return <NotFoundState title="Framework not found" message="There is no framework at this address." backTo="/frameworks" backLabel="Back to all frameworks" />;

  const crumbs = [
    { label: 'Frameworks', to: '/frameworks' },
    { label: framework.name, to: `/frameworks/${framework.id}` },
    { label: 'Edit' },
  ];

  if (!framework.draft) {
    // Never rejects: a failure shows from started.error (or the query's error after refetch).
    const startEditing = async () => {
      try {
        await start({ variables: { frameworkId: framework.id } });
        await refetch();
      } catch {
        // Shown from started.error.
      }
    };
    return (
      <Stack gap="lg" align="flex-start">
        <title>{`Edit ${framework.name} · Trellis`}</title>
        <PageBreadcrumbs items={crumbs} />
        <Title order={1}>Edit {framework.name}</Title>
        <Text maw={720}>
          Editing works on a draft: a copy of {framework.currentVersion ? `version ${framework.currentVersion.number}` : 'the framework'} that only admins see
          until it is published. People keep seeing the published version meanwhile.
        </Text>
        {started.error ? (
          <Alert color="red" role="alert" title="Could not start editing">
            {describeError(started.error)}
          </Alert>
        ) : null}
        <Button
          loading={started.loading}
          onClick={() => void startEditing()}
        >
          Start editing
        </Button>
      </Stack>
    );
  }

  return <DraftEditorView frameworkName={framework.name} frameworkId={framework.id} draft={framework.draft} crumbs={crumbs} reload={() => refetch()} />;
}

function DraftEditorView({
  frameworkId,
  frameworkName,
  draft,
  crumbs,
  reload,
}: {
  frameworkId: string;
  frameworkName: string;
  draft: Draft;
  crumbs: { label: string; to?: string }[];
  reload: () => Promise<unknown>;
}) {
  const editor = useDraftEditor(draft, reload);
  const [tab, setTab] = useState<string | null>('roles');
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [discard, discarding] = useMutation(DiscardFrameworkDraftMutation);
  const navigate = useNavigate();
  const discardDraft = async () => {
    try {
      await discard({ variables: { frameworkId, expectedRevision: draft.revision } });
      setConfirmDiscard(false);
      void navigate(`/frameworks/${frameworkId}`);
    } catch {
      // Shown from discarding.error in the dialog.
    }
  };
  const saved = timeFormat.format(new Date(draft.updatedAt));

  return (
    <Stack gap="md">
      <title>{`Edit ${frameworkName} · Trellis`}</title>
      <PageBreadcrumbs items={crumbs} />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Edit {draft.name}</Title>
          <Group gap="xs" mt={4}>
            <Badge variant="outline">Draft</Badge>
            <Text size="sm" c="dimmed" data-testid="draft-status">
              Revision {draft.revision} · last saved {saved}
              {draft.updatedBy ? ` by ${draft.updatedBy.name}` : ''}
              {editor.saving ? ' · saving…' : ''}
            </Text>
          </Group>
        </div>
        <Group gap="xs">
          <Button variant="default" component={Link} to={`/frameworks/${frameworkId}`}>
            View published version
          </Button>
          <Button component={Link} to={`/frameworks/${frameworkId}/versions`}>
            Versions and publishing
          </Button>
          <Button variant="outline" color="red" onClick={() => setConfirmDiscard(true)}>
            Discard draft
          </Button>
        </Group>
      </Group>
      <Modal opened={confirmDiscard} onClose={() => setConfirmDiscard(false)} title="Discard this draft?">
        <Stack gap="sm">
          <Text size="sm">
            Every change in this draft (revision {draft.revision}) is thrown away for good, with its history. This cannot be undone.
            People keep seeing the published version.
          </Text>
          {discarding.error ? (
            <Alert color="red" role="alert" title="The draft was not discarded">
              {describeError(discarding.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDiscard(false)} data-autofocus>
              Keep the draft
            </Button>
            <Button color="red" loading={discarding.loading} onClick={() => void discardDraft()}>
              Discard for good
            </Button>
          </Group>
        </Stack>
      </Modal>
      <DraftProblems document={editor.document} onOpen={setTab} />
      {editor.failure ? (
        <Alert
          color={editor.failure.conflict ? 'yellow' : 'red'}
          role="alert"
          title={editor.failure.conflict ? 'Someone else changed this first' : 'That change was not saved'}
        >
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Text size="sm">
              {editor.failure.message}
              {editor.failure.conflict ? ' The draft has been reloaded with their change.' : ''}
            </Text>
            <CloseButton aria-label="Dismiss the message" onClick={editor.dismissFailure} />
          </Group>
        </Alert>
      ) : null}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="roles">Roles</Tabs.Tab>
          <Tabs.Tab value="skills">Skills</Tabs.Tab>
          <Tabs.Tab value="expectations">Expectations</Tabs.Tab>
          <Tabs.Tab value="transitions">Moves</Tabs.Tab>
          <Tabs.Tab value="qualifications">Qualifications</Tabs.Tab>
          <Tabs.Tab value="scale">Scales</Tabs.Tab>
          <Tabs.Tab value="levelling">Levelling</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="roles" pt="md">
          <RolesBoard editor={editor} />
        </Tabs.Panel>
        <Tabs.Panel value="skills" pt="md">
          <SkillsLibrary editor={editor} />
        </Tabs.Panel>
        <Tabs.Panel value="expectations" pt="md">
          <ExpectationsGrid document={editor.document} apply={editor.apply} />
        </Tabs.Panel>
        <Tabs.Panel value="transitions" pt="md">
          <TransitionsPanel editor={editor} />
        </Tabs.Panel>
        <Tabs.Panel value="qualifications" pt="md">
          <QualificationsPanel editor={editor} />
        </Tabs.Panel>
        <Tabs.Panel value="scale" pt="md">
          <ScalePanel editor={editor} />
        </Tabs.Panel>
        <Tabs.Panel value="levelling" pt="md">
          <LevellingPanel editor={editor} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
