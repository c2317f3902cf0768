import {
  Alert,
  Badge,
  Button,
  Code,
  FileButton,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useApolloClient, useMutation } from '@apollo/client/react';
import type { PeopleCsvColumn } from '@trellis/domain';
import { useRef, useState, type RefObject } from 'react';
import { graphql } from '../../gql';
import type { ImportPeopleMutation as ImportResult, PreviewPeopleImportMutation as PreviewResult } from '../../gql/graphql';
import { describeError } from '../../lib/errors';
import { importActionColor, importActionLabel } from '../../lib/labels';
import { InvitationLinks, LinkTarget, useInvitePeople, type InvitePeopleOutcome } from './bulkInvitations';

export const PreviewPeopleImportMutation = graphql(`
  mutation PreviewPeopleImport($csv: String!) {
    previewPeopleImport(csv: $csv) {
      ok
      creates
      updates
      unchanged
      teamsToCreate
      problems {
        line
        column
        message
      }
      rows {
        line
        name
        email
        teamPath
        action
      }
    }
  }
`);

export const ImportPeopleMutation = graphql(`
  mutation ImportPeople($csv: String!) {
    importPeople(csv: $csv) {
      created
      updated
      unchanged
      teamsCreated
    }
  }
`);

export const PeopleCsvQuery = graphql(`
  query PeopleCsv {
    peopleCsv
  }
`);

export const PeopleCsvTemplateQuery = graphql(`
  query PeopleCsvTemplate {
    peopleCsvTemplate
  }
`);

type Preview = PreviewResult['previewPeopleImport'];
type Result = ImportResult['importPeople'];

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The columns of the people CSV (PEOPLE_CSV_COLUMNS in @trellis/domain; the API reads the file). */
const PEOPLE_CSV_COLUMNS: readonly PeopleCsvColumn[] = ['email', 'name', 'team', 'manager_email', 'job_title', 'role'];
const REQUIRED_PEOPLE_CSV_COLUMNS: readonly PeopleCsvColumn[] = ['email', 'name'];

const columnHelp: Partial<Record<PeopleCsvColumn, string>> = {
  team: 'a path such as Delivery/PMO; new teams are created',
  manager_email: "the manager's e-mail",
  role: 'a role title from your published framework (listed in the template)',
};

export function ImportPage() {
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  // The preview belongs to the exact text it was made from; any edit makes it stale.
  const [preview, setPreview] = useState<{ csv: string; preview: Preview } | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<{ title: string; error: unknown } | null>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const client = useApolloClient();

  const [runPreview, { loading: previewing }] = useMutation(PreviewPeopleImportMutation);
  const [runImport, { loading: importing }] = useMutation(ImportPeopleMutation);

  const currentPreview = preview && preview.csv === csv ? preview.preview : null;
  const canImport = currentPreview?.ok === true && !importing;

  const readFile = async (file: File | null) => {
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileError(`${file.name} is larger than 5 MB; split it into smaller files.`);
      return;
    }
    try {
      const text = await file.text();
      setCsv(text);
      setFileName(file.name);
      setResult(null);
    } catch (err) {
      setFileError(`Could not read ${file.name}: ${describeError(err)}`);
    }
  };

  const doPreview = async () => {
    setError(null);
    setResult(null);
    try {
      const { data } = await runPreview({ variables: { csv } });
      if (data) {
        setPreview({ csv, preview: data.previewPeopleImport });
        setTimeout(() => previewRef.current?.focus(), 0);
      }
    } catch (err) {
      setError({ title: 'Could not preview the import', error: err });
    }
  };

  const doImport = async () => {
    if (!canImport) return;
    setError(null);
    try {
      const { data } = await runImport({ variables: { csv } });
      if (data) {
        setResult(data.importPeople);
        setPreview(null);
        // People, teams and the directory all changed: lists cached for other pages are dropped (the People list
        // would otherwise still count the people it held before), and what is on screen is read again.
        for (const fieldName of ['people', 'teams', 'person']) client.cache.evict({ id: 'ROOT_QUERY', fieldName });
        client.cache.gc();
        await client.refetchQueries({ include: 'active' });
        setTimeout(() => resultRef.current?.focus(), 0);
      }
    } catch (err) {
      setError({ title: 'Could not import', error: err });
    }
  };

  return (
    <Stack gap="xl">
      <title>Import people · Admin · Trellis</title>
      <div>
        <Title order={1}>Import people</Title>
        <Text c="dimmed" mt={4} maw={820}>
          Add or update many people at once from a CSV file (from a spreadsheet, saved as CSV). Nothing changes until you
          preview the file and then import it.
        </Text>
      </div>

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Paper withBorder p="lg" style={{ gridColumn: 'span 2' }} component="section" aria-labelledby="csv-heading">
          <Stack gap="md">
            <Title order={2} size="h3" id="csv-heading">
              1. Choose or paste the CSV
            </Title>
            <Group gap="sm">
              <FileButton onChange={(file) => void readFile(file)} accept=".csv,text/csv,text/plain">
                {(props) => (
                  <Button variant="light" {...props}>
                    Choose a CSV file
                  </Button>
                )}
              </FileButton>
              <Text size="sm" c="dimmed" role="status" aria-live="polite">
                {fileName ? `Read ${fileName}` : 'Or paste it below.'}
              </Text>
            </Group>
            {fileError ? (
              <Alert color="red" variant="light" role="alert" title="Could not use this file">
                <Text size="sm">{fileError}</Text>
              </Alert>
            ) : null}
            <Textarea
              label="CSV"
              description="The first line names the columns; commas, semicolons or tabs between them. Lines starting with # are skipped."
              value={csv}
              onChange={(event) => {
                setCsv(event.currentTarget.value);
                setFileName(null);
                setResult(null);
              }}
              autosize
              minRows={8}
              maxRows={20}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              spellCheck={false}
            />
            <Group gap="sm">
              <Button onClick={() => void doPreview()} loading={previewing} disabled={csv.trim() === ''}>
                Preview import
              </Button>
              <Button onClick={() => void doImport()} loading={importing} disabled={!canImport} aria-describedby="import-hint">
                Import
              </Button>
              <Text size="sm" c="dimmed" id="import-hint">
                {currentPreview?.ok
                  ? 'The preview is fine: import when ready.'
                  : currentPreview
                    ? 'Fix the problems in the file and preview again.'
                    : preview
                      ? 'The CSV changed since the preview: preview it again.'
                      : 'Preview the file first; Import is enabled when the preview has no problems.'}
              </Text>
            </Group>
          </Stack>
        </Paper>
        <Paper withBorder p="lg" component="aside" aria-labelledby="columns-heading">
          <Title order={2} size="h4" id="columns-heading" mb="xs">
            Columns
          </Title>
          <List size="sm" spacing={4}>
            {PEOPLE_CSV_COLUMNS.map((column) => (
              <List.Item key={column}>
                <Code>{column}</Code>
                {REQUIRED_PEOPLE_CSV_COLUMNS.includes(column) ? ' (required)' : ''}
                {columnHelp[column] ? <Text span size="sm" c="dimmed">{` · ${columnHelp[column]}`}</Text> : null}
              </List.Item>
            ))}
          </List>
          <DownloadCsv kind="template" />
          <DownloadCsv kind="current" />
        </Paper>
      </SimpleGrid>

      {error ? (
        <Alert color="red" variant="light" role="alert" title={error.title}>
          <Text size="sm">{describeError(error.error)}</Text>
        </Alert>
      ) : null}

      {result ? (
        <Paper withBorder p="lg" ref={resultRef} tabIndex={-1} component="section" aria-labelledby="result-heading">
          <Title order={2} size="h3" id="result-heading" mb="xs">
            Import complete
          </Title>
          <Text role="status">
            {count(result.created, 'person', 'people')} created, {count(result.updated, 'person', 'people')} updated,{' '}
            {count(result.unchanged, 'person', 'people')} unchanged, {count(result.teamsCreated, 'team', 'teams')} created.
          </Text>
          <InviteImported />
        </Paper>
      ) : null}

      {currentPreview ? <PreviewReport preview={currentPreview} focusRef={previewRef} /> : null}
    </Stack>
  );
}

/** The next step after an import: imported people have no account until they are invited. */
function InviteImported() {
  const [invite, { loading }] = useInvitePeople();
  const [outcome, setOutcome] = useState<InvitePeopleOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const linksRef = useRef<HTMLDivElement>(null);
  const run = async () => {
    setError(null);
    try {
      const result = await invite({ everyoneWithoutAccount: true });
      if (result) {
        setOutcome(result);
        setTimeout(() => linksRef.current?.focus(), 0);
      }
    } catch (err) {
      setError(err);
    }
  };
  if (outcome) return <Stack mt="md"><InvitationLinks outcome={outcome} focusRef={linksRef} /></Stack>;
  return (
    <Stack gap="xs" mt="md" align="flex-start">
      <Text size="sm">Imported people cannot sign in until they are invited.</Text>
      <Button onClick={() => void run()} loading={loading}>
        Invite everyone not yet invited
      </Button>
      <LinkTarget />
      {error ? (
        <Alert color="red" variant="light" role="alert" title="Nobody was invited">
          <Text size="sm">{describeError(error)}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function PreviewReport({ preview, focusRef }: { preview: Preview; focusRef: RefObject<HTMLDivElement | null> }) {
  const problems = [...preview.problems].sort((a, b) => a.line - b.line || (a.column ?? '').localeCompare(b.column ?? ''));
  return (
    <Stack gap="lg" ref={focusRef} tabIndex={-1} aria-labelledby="preview-heading" component="section">
      <div>
        <Title order={2} id="preview-heading">
          2. Preview
        </Title>
        <Text role="status" mt={4}>
          {preview.ok
            ? `Ready to import: ${count(preview.creates, 'person', 'people')} to create, ${count(preview.updates, 'person', 'people')} to update, ${count(preview.unchanged, 'person', 'people')} unchanged.`
            : `${count(problems.length, 'problem', 'problems')} to fix before importing. Nothing has been changed.`}
        </Text>
        {preview.teamsToCreate.length > 0 ? (
          <Text size="sm" c="dimmed" mt={4}>
            New teams: {preview.teamsToCreate.join(', ')}
          </Text>
        ) : null}
      </div>

      {problems.length > 0 ? (
        <section aria-labelledby="problems-heading">
          <Title order={3} id="problems-heading" mb="xs">
            Problems
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table aria-labelledby="problems-heading" withTableBorder verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={80}>
                    Line
                  </Table.Th>
                  <Table.Th scope="col" w={180}>
                    Column
                  </Table.Th>
                  <Table.Th scope="col">Problem</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.map((problem, index) => (
                  <Table.Tr key={`${problem.line}-${problem.column ?? ''}-${index}`}>
                    <Table.Td>{problem.line}</Table.Td>
                    <Table.Td>{problem.column ? <Code>{problem.column}</Code> : <Text size="sm">Whole line</Text>}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{problem.message}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      ) : null}

      <section aria-labelledby="rows-heading">
        <Title order={3} id="rows-heading" mb="xs">
          Rows
        </Title>
        {preview.rows.length === 0 ? (
          <Text c="dimmed">The file has no rows of people.</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-labelledby="rows-heading" striped withTableBorder verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={80}>
                    Line
                  </Table.Th>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">E-mail</Table.Th>
                  <Table.Th scope="col">Team</Table.Th>
                  <Table.Th scope="col">Action</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows.map((row) => (
                  <Table.Tr key={row.line}>
                    <Table.Td>{row.line}</Table.Td>
                    <Table.Td>{row.name}</Table.Td>
                    <Table.Td>{row.email}</Table.Td>
                    <Table.Td>{row.teamPath ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={importActionColor[row.action]}>
                        {importActionLabel[row.action]}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}

/**
 * Downloads a CSV file in the import format: the template (teams and role titles in notes, the admin's own row) or
 * everyone as they are now (a good start for editing in a spreadsheet).
 */
function DownloadCsv({ kind }: { kind: 'template' | 'current' }) {
  const client = useApolloClient();
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setDownloading(true);
    setError(null);
    try {
      const text =
        kind === 'template'
          ? (await client.query({ query: PeopleCsvTemplateQuery, fetchPolicy: 'network-only' })).data?.peopleCsvTemplate
          : (await client.query({ query: PeopleCsvQuery, fetchPolicy: 'network-only' })).data?.peopleCsv;
      if (text === undefined) throw new Error('The server sent no CSV.');
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = kind === 'template' ? 'people-template.csv' : `people-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (err) {
      setError(err);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Stack gap="xs" mt="md">
      <Button variant={kind === 'template' ? 'light' : 'default'} onClick={() => void download()} loading={downloading}>
        {kind === 'template' ? 'Download a template' : 'Download current people CSV'}
      </Button>
      {kind === 'template' ? (
        <Text size="xs" c="dimmed">
          With your teams and role titles listed, and your own row as an example.
        </Text>
      ) : null}
      {error ? (
        <Text size="sm" c="red.8" role="alert">
          Could not download: {describeError(error)}
        </Text>
      ) : null}
    </Stack>
  );
}
