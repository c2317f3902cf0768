import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { FrameworkVersionsQuery } from '../../gql/graphql';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/labels';
import { ExportButtons, FrameworkDocumentExportQuery } from './ExportButtons';
import { ImportDialog } from '../framework-import/ImportDialog';
import { ImportWarnings, type ImportNote } from '../framework-import/ImportWarnings';
import { ProblemList } from './ProblemList';
import { problemsOf } from './problems';

export const StartFrameworkDraftMutation = graphql(`
  mutation StartFrameworkDraftForVersions($frameworkId: ID!) {
    startFrameworkDraft(frameworkId: $frameworkId) {
      frameworkId
      revision
    }
  }
`);

export const ImportFrameworkDocumentMutation = graphql(`
  mutation ImportFrameworkDocument($frameworkId: ID!, $expectedRevision: Int!, $json: String!) {
    replaceFrameworkDraft(frameworkId: $frameworkId, expectedRevision: $expectedRevision, json: $json) {
      frameworkId
      revision
      updatedAt
      importWarnings {
        where
        message
      }
    }
  }
`);

export const ImportExpectationsCsvMutation = graphql(`
  mutation ImportExpectationsCsv($frameworkId: ID!, $expectedRevision: Int!, $csv: String!) {
    importExpectationsCsv(frameworkId: $frameworkId, expectedRevision: $expectedRevision, csv: $csv) {
      frameworkId
      revision
      updatedAt
    }
  }
`);

const MAX_FILE_BYTES = 5 * 1024 * 1024;

type Draft = NonNullable<NonNullable<FrameworkVersionsQuery['framework']>['draft']>;

type ImportKind = 'json' | 'csv';

/**
 * The draft's tools: its state, export, import of a whole JSON document or of the expectations grid
 * (CSV), and the way into publishing. Imports are checked by the API first; a bad file changes nothing
 * and every problem is listed with where it is.
 */
export function DraftTools({
  frameworkId,
  frameworkKey,
  draft,
  refetch,
  onPublish,
}: {
  frameworkId: string;
  frameworkKey: string;
  draft: Draft | null;
  /** Reloads the page's framework (and with it this draft). */
  refetch: () => Promise<unknown>;
  onPublish: () => void;
}) {
  const [importJson] = useMutation(ImportFrameworkDocumentMutation);
  const [importCsv] = useMutation(ImportExpectationsCsvMutation);
  const [startDraft, { loading: starting, error: startError }] = useMutation(StartFrameworkDraftMutation);
  const client = useApolloClient();
  const [busy, setBusy] = useState<ImportKind | 'undo' | null>(null);
  // What the last import (or undo) did: a sentence for success, a title for the problems of a failure.
  const [outcome, setOutcome] = useState<{ message: string; error: unknown; warnings?: readonly ImportNote[] } | null>(null);
  const [importing, setImporting] = useState(false);
  // The draft as it was before the last import, and the revision the import made: what Undo puts back.
  const [undo, setUndo] = useState<{ json: string; revision: number } | null>(null);
  if (!draft) {
    const start = async () => {
      try {
        await startDraft({ variables: { frameworkId } });
        await refetch();
      } catch {
        // Shown below from startError.
      }
    };
    return (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">There is no draft. Start one (a copy of the published version) to edit or import into it, then publish it here.</Text>
        <Button variant="default" onClick={() => void start()} loading={starting}>
          Start a draft
        </Button>
        {startError ? (
          <Text size="sm" c="red" role="alert">
            {describeError(startError)}
          </Text>
        ) : null}
      </Stack>
    );
  }

  const upload = async (kind: ImportKind, file: File | null) => {
    if (!file) return;
    setOutcome(null);
    if (file.size > MAX_FILE_BYTES) {
      setOutcome({ message: `${file.name} was not imported`, error: new Error(`${file.name} is larger than 5 MB.`) });
      return;
    }
    setBusy(kind);
    setUndo(null);
    try {
      const text = await file.text();
      const previous = await client.query({ query: FrameworkDocumentExportQuery, variables: { frameworkId, version: null }, fetchPolicy: 'network-only' });
      const variables = { frameworkId, expectedRevision: draft.revision };
      let warnings: readonly ImportNote[] = [];
      let revisionAfter: number | undefined;
      if (kind === 'json') {
        const replaced = (await importJson({ variables: { ...variables, json: text } })).data?.replaceFrameworkDraft;
        revisionAfter = replaced?.revision;
        warnings = replaced?.importWarnings ?? [];
      } else revisionAfter = (await importCsv({ variables: { ...variables, csv: text } })).data?.importExpectationsCsv.revision;
      setOutcome({ message: `Imported ${file.name} into the draft${kind === 'csv' ? "'s expectations" : ''}.`, error: null, warnings });
      if (previous.data && revisionAfter !== undefined) setUndo({ json: previous.data.frameworkDocument, revision: revisionAfter });
      await refetch();
    } catch (err) {
      setOutcome({ message: `${file.name} was not imported`, error: err });
    } finally {
      setBusy(null);
    }
  };

  const undoImport = async () => {
    if (!undo) return;
    setBusy('undo');
    try {
      await importJson({ variables: { frameworkId, expectedRevision: undo.revision, json: undo.json } });
      setUndo(null);
      setOutcome(null);
      await refetch();
    } catch (err) {
      setOutcome({ message: 'Could not undo the import', error: err });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm">
        Revision {draft.revision}, last changed {formatDateTime(draft.updatedAt)}
        {draft.updatedBy ? ` by ${draft.updatedBy.name}` : ''}.
      </Text>
      <Group gap="sm">
        <Button onClick={onPublish}>Review and publish…</Button>
        <FileButton onChange={(file) => void upload('json', file)} accept="application/json,.json">
          {(props) => (
            <Button {...props} variant="default" loading={busy === 'json'}>
              Import JSON…
            </Button>
          )}
        </FileButton>
        <Button variant="default" onClick={() => setImporting(true)}>
          Import from FT, Monzo or a spreadsheet…
        </Button>
        <FileButton onChange={(file) => void upload('csv', file)} accept="text/csv,.csv">
          {(props) => (
            <Button {...props} variant="default" loading={busy === 'csv'}>
              Import expectations CSV…
            </Button>
          )}
        </FileButton>
      </Group>
      <Group gap="xs">
        <Text size="sm">Export the draft:</Text>
        <ExportButtons frameworkId={frameworkId} frameworkKey={frameworkKey} version={null} />
      </Group>
      {outcome?.error ? (
        <ProblemList
          title={outcome.message}
          problems={problemsOf(outcome.error)}
          fallback={describeError(outcome.error)}
        />
      ) : outcome ? (
        <Group gap="sm" role="status">
          <Text size="sm">{outcome.message}</Text>
          {undo ? (
            <Button size="compact-sm" variant="subtle" onClick={() => void undoImport()} loading={busy === 'undo'}>
              Undo
            </Button>
          ) : null}
        </Group>
      ) : null}
      {outcome && !outcome.error && outcome.warnings && outcome.warnings.length > 0 ? <ImportWarnings warnings={outcome.warnings} /> : null}
      {importing ? (
        <ImportDialog
          target={{
            kind: 'draft',
            frameworkId,
            expectedRevision: draft.revision,
            onImported: (warnings) => {
              setImporting(false);
              setUndo(null);
              setOutcome({ message: 'Imported the files into the draft.', error: null, warnings });
              void refetch();
            },
          }}
          onClose={() => setImporting(false)}
        />
      ) : null}
    </Stack>
  );
}
