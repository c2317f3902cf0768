import { Alert, Anchor, Badge, Button, FileButton, Group, List, Loader, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useRef, useState, type DragEvent } from 'react';
import { useNavigate } from 'react-router';
import { graphql } from '../../gql';
import type { FrameworkImportFormat, FrameworkImportPreviewQuery } from '../../gql/graphql';
import { describeError, findApiError } from '../../lib/errors';
import { downloadTemplate, readImportFiles, type ImportFileText } from './importFiles';

export const FrameworkImportPreviewQueryDocument = graphql(`
  query FrameworkImportPreview($input: FrameworkImportInput!) {
    frameworkImportPreview(input: $input) {
      format
      detectedFormat
      name
      categoryCount
      skillCount
      trackCount
      roleCount
      expectationCount
      canImport
      tracks {
        name
        roleCount
      }
      skills {
        name
        category
        levels {
          level
          name
          hasDescriptor
        }
      }
      warnings {
        where
        message
      }
      problems {
        where
        message
      }
    }
  }
`);

export const CreateFrameworkFromImportMutation = graphql(`
  mutation CreateFrameworkFromImport($input: FrameworkImportInput!) {
    createFrameworkFromImport(input: $input) {
      id
      key
      name
    }
  }
`);

export const ImportIntoFrameworkDraftMutation = graphql(`
  mutation ImportIntoFrameworkDraft($frameworkId: ID!, $expectedRevision: Int!, $input: FrameworkImportInput!) {
    importIntoFrameworkDraft(frameworkId: $frameworkId, expectedRevision: $expectedRevision, input: $input) {
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

type Preview = FrameworkImportPreviewQuery['frameworkImportPreview'];
type FormatChoice = FrameworkImportFormat | 'DETECT';

export const FORMAT_LABELS: Record<FrameworkImportFormat, string> = {
  JSON: 'Trellis framework document (JSON)',
  FT_YAML: 'FT job family (YAML)',
  MONZO_MARKDOWN: 'Monzo progression framework (Markdown)',
  SPREADSHEET: 'Spreadsheet (.xlsx, or two CSV files)',
};
const ACCEPT = '.json,.yml,.yaml,.md,.markdown,.csv,.xlsx,application/json,text/csv,text/markdown';

/** Where an import goes: a new framework, or an existing framework's draft (replaced, at the revision it was seen at). */
export type ImportTarget = { kind: 'new' } | { kind: 'draft'; frameworkId: string; expectedRevision: number; onImported: (warnings: Note[]) => void };

interface Note {
  where: string;
  message: string;
}

function NoteList({ notes, label }: { notes: readonly Note[]; label: string }) {
  return (
    <List size="sm" spacing={4} aria-label={label}>
      {notes.map((note, index) => (
        <List.Item key={index}>
          <Text span fw={600} size="sm">
            {note.where}
          </Text>
          : {note.message}
        </List.Item>
      ))}
    </List>
  );
}

function ProblemsAlert({ title, error }: { title: string; error: unknown }) {
  const problems = findApiError(error, 'BAD_USER_INPUT')?.extensions?.['problems'];
  const notes = Array.isArray(problems) ? (problems as Note[]) : [];
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {notes.length > 0 ? <NoteList notes={notes} label="Problems in the files" /> : <Text size="sm">{describeError(error)}</Text>}
    </Alert>
  );
}

function PreviewView({ preview }: { preview: Preview }) {
  const counts = [
    ['Tracks', preview.trackCount],
    ['Roles', preview.roleCount],
    ['Skills', preview.skillCount],
    ['Expectations', preview.expectationCount],
  ] as const;
  return (
    <Stack gap="sm" aria-label="Preview">
      <Text size="sm">
        <Text span fw={600}>
          {preview.name ?? 'Unnamed framework'}
        </Text>
        {' · '}
        {FORMAT_LABELS[preview.format]}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        {counts.map(([label, count]) => (
          <Paper key={label} withBorder p="xs">
            <Text size="xl" fw={700}>
              {count}
            </Text>
            <Text size="sm">{label}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      {preview.problems.length > 0 ? (
        <Alert color="red" variant="light" title={`${preview.problems.length} problem${preview.problems.length === 1 ? '' : 's'} to fix before it can be imported`} role="alert">
          <NoteList notes={preview.problems} label="Problems" />
        </Alert>
      ) : null}
      {preview.warnings.length > 0 ? (
        <Alert color="yellow" variant="light" title={`${preview.warnings.length} warning${preview.warnings.length === 1 ? '' : 's'}: what the import assumed or left out`}>
          <NoteList notes={preview.warnings} label="Warnings" />
        </Alert>
      ) : (
        <Text size="sm">No warnings: everything in the files has a place.</Text>
      )}
      {preview.skills.length > 0 ? (
        <Table.ScrollContainer minWidth={420} aria-label="Skills and their scales">
          <Table striped withTableBorder fz="sm">
            <Table.Caption>Skills and their scales (levels without a descriptor are marked)</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Skill</Table.Th>
                <Table.Th scope="col">Category</Table.Th>
                <Table.Th scope="col">Levels</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.skills.map((skill, index) => (
                <Table.Tr key={`${skill.category}-${skill.name}-${index}`}>
                  <Table.Th scope="row" fw={500}>
                    {skill.name}
                  </Table.Th>
                  <Table.Td>{skill.category}</Table.Td>
                  <Table.Td>
                    {skill.levels.map((level) => (level.hasDescriptor ? `${level.level} ${level.name}` : `${level.level} ${level.name} (no descriptor)`)).join(' · ')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

/**
 * "Import": choose or drop files (Monzo Markdown, an FT job family, a spreadsheet, a Trellis JSON document), see what
 * they would make with every warning, then create a draft (a new framework, or the given framework's draft).
 * Nothing is written until "Create draft".
 */
export function ImportDialog({ target, onClose }: { target: ImportTarget; onClose: () => void }) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [files, setFiles] = useState<File[]>([]);
  const [format, setFormat] = useState<FormatChoice>('DETECT');
  const [name, setName] = useState('');
  const [texts, setTexts] = useState<ImportFileText[] | null>(null);
  const [reading, setReading] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [dragging, setDragging] = useState(false);
  const [create, { loading: creating, error: createError, reset: resetCreate }] = useMutation(CreateFrameworkFromImportMutation);
  const [replace, { loading: replacing, error: replaceError, reset: resetReplace }] = useMutation(ImportIntoFrameworkDraftMutation);
  const input = texts ? { format: format === 'DETECT' ? null : format, files: texts } : null;

  // The latest reading: an answer to an earlier one (files chosen again meanwhile) is dropped.
  const attempt = useRef(0);
  /** Reads the files (unless already read), then previews them in the format chosen. */
  const load = async (chosen: File[], chosenFormat: FormatChoice, known: ImportFileText[] | null) => {
    const id = ++attempt.current;
    setFiles(chosen);
    setFormat(chosenFormat);
    setPreview(null);
    setPreviewError(null);
    resetCreate();
    resetReplace();
    setReading(true);
    try {
      const read = known ?? (await readImportFiles(chosen));
      if (id !== attempt.current) return;
      setTexts(read);
      const result = await client.query({
        query: FrameworkImportPreviewQueryDocument,
        variables: { input: { format: chosenFormat === 'DETECT' ? null : chosenFormat, files: read } },
        fetchPolicy: 'no-cache',
      });
      if (id === attempt.current && result.data) setPreview(result.data.frameworkImportPreview);
    } catch (error) {
      if (id === attempt.current) setPreviewError(error);
    } finally {
      if (id === attempt.current) setReading(false);
    }
  };

  const choose = (chosen: File[]) => {
    if (chosen.length > 0) void load(chosen, format, null);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose([...event.dataTransfer.files]);
  };

  const submit = async () => {
    if (!input || !preview?.canImport) return;
    try {
      if (target.kind === 'new') {
        const result = await create({ variables: { input: { ...input, name: name.trim() || null } }, refetchQueries: ['Frameworks'] });
        const created = result.data?.createFrameworkFromImport;
        if (created) await navigate(`/frameworks/${created.id}/edit`);
      } else {
        const result = await replace({ variables: { frameworkId: target.frameworkId, expectedRevision: target.expectedRevision, input } });
        if (result.data) target.onImported(result.data.importIntoFrameworkDraft.importWarnings);
      }
    } catch {
      // Shown below from the mutation's error.
    }
  };

  const writeError = createError ?? replaceError;
  const detected = preview?.detectedFormat ? FORMAT_LABELS[preview.detectedFormat] : null;
  return (
    <Modal opened onClose={onClose} title={target.kind === 'new' ? 'Import a framework' : 'Import into the draft'} size="xl" closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack gap="md">
        <Text size="sm">
          Monzo progression framework files (Markdown; choose them all at once), an FT job family (YAML, with FT’s levels.yml beside it for the roles’ summaries), a spreadsheet (.xlsx with a Skills and a
          Roles sheet, or the two as CSV files) or a Trellis framework document (JSON). Nothing is saved until you create the draft.{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => void downloadTemplate().catch(() => undefined)}>
            Download the spreadsheet template
          </Anchor>
        </Text>
        <Paper
          withBorder
          p="md"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          bg={dragging ? 'var(--mantine-color-blue-light)' : undefined}
          style={{ borderStyle: 'dashed' }}
        >
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              {files.length === 0 ? 'Drop files here, or choose them.' : `${files.length} file${files.length === 1 ? '' : 's'}: ${files.map((f) => f.name).join(', ')}`}
            </Text>
            <FileButton onChange={choose} accept={ACCEPT} multiple>
              {(props) => (
                <Button {...props} variant="default">
                  {files.length === 0 ? 'Choose files…' : 'Choose other files…'}
                </Button>
              )}
            </FileButton>
          </Group>
        </Paper>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label="Format"
            description={detected ? `Detected: ${detected}` : 'Detected from the files unless you choose'}
            data={[{ value: 'DETECT', label: 'Detect from the files' }, ...Object.entries(FORMAT_LABELS).map(([value, label]) => ({ value, label }))]}
            value={format}
            onChange={(value) => {
              const chosen = (value as FormatChoice | null) ?? 'DETECT';
              if (files.length > 0) void load(files, chosen, texts);
              else setFormat(chosen);
            }}
            allowDeselect={false}
          />
          {target.kind === 'new' ? (
            <TextInput label="Name" description="Leave empty to keep the files' name." value={name} onChange={(event) => setName(event.currentTarget.value)} />
          ) : null}
        </SimpleGrid>
        {reading ? (
          <Group gap="xs" role="status">
            <Loader size="sm" />
            <Text size="sm">Reading the files…</Text>
          </Group>
        ) : null}
        {previewError ? <ProblemsAlert title="The files could not be read" error={previewError} /> : null}
        {!reading && !previewError && files.length === 0 ? (
          <Text size="sm" c="dimmed">
            Choose files to see what they would make.
          </Text>
        ) : null}
        {preview && !reading ? <PreviewView preview={preview} /> : null}
        {writeError ? <ProblemsAlert title="Not imported" error={writeError} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void submit()} disabled={!preview?.canImport || reading} loading={creating || replacing}>
            {target.kind === 'new' ? 'Create draft' : 'Replace the draft'}
          </Button>
        </Group>
        {preview && !preview.canImport ? (
          <Badge color="red" variant="light" style={{ alignSelf: 'flex-end' }}>
            Fix the problems first
          </Badge>
        ) : null}
      </Stack>
    </Modal>
  );
}
