import { Alert, Button, FileInput, Group, List, Modal, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { graphql } from '../../gql';
import type { FrameworkSource } from '../../gql/graphql';
import { describeError, findApiError } from '../../lib/errors';

export const CreateFrameworkMutation = graphql(`
  mutation CreateFramework($input: CreateFrameworkInput!) {
    createFramework(input: $input) {
      id
      key
      name
    }
  }
`);

const SOURCES: { value: FrameworkSource; label: string; description: string }[] = [
  { value: 'TEMPLATE', label: 'The PMO template', description: "Trellis's built-in PMO career framework, to customise." },
  { value: 'COPY', label: 'A copy of another framework', description: 'Its published version (or its draft when it has none).' },
  { value: 'BLANK', label: 'Blank', description: 'A five-level scale and nothing else.' },
  { value: 'IMPORT', label: 'Import a JSON file', description: 'A framework document exported from Trellis or written by hand.' },
];

interface Problem {
  path: string;
  message: string;
}

/** "New framework" for admins: from the template, a copy, blank or an imported file; opens the editor on its draft. */
export function NewFrameworkDialog({ frameworks, onClose }: { frameworks: { id: string; name: string }[]; onClose: () => void }) {
  const [source, setSource] = useState<FrameworkSource>('TEMPLATE');
  const [name, setName] = useState('');
  const [copyOf, setCopyOf] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [importProblems, setImportProblems] = useState<Problem[]>([]);
  const [create, { loading }] = useMutation(CreateFrameworkMutation);
  const navigate = useNavigate();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setImportProblems([]);
    if (source !== 'IMPORT' && name.trim() === '') return setProblem('Give the framework a name.');
    if (source === 'COPY' && !copyOf) return setProblem('Choose the framework to copy.');
    if (source === 'IMPORT' && !file) return setProblem('Choose a framework document (JSON) to import.');
    const json = source === 'IMPORT' ? await file!.text() : undefined;
    try {
      const result = await create({
        variables: { input: { source, name: name.trim() || undefined, frameworkId: source === 'COPY' ? copyOf : undefined, json } },
        refetchQueries: ['Frameworks'],
      });
      const created = result.data?.createFramework;
      if (created) await navigate(`/frameworks/${created.id}/edit`);
    } catch (error) {
      const problems = findApiError(error, 'BAD_USER_INPUT')?.extensions?.['problems'];
      if (Array.isArray(problems) && problems.length > 0) {
        setProblem(`The file was not imported: it has ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}.`);
        setImportProblems(problems as Problem[]);
      } else setProblem(describeError(error));
    }
  };

  return (
    <Modal opened onClose={onClose} title="New framework" size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Radio.Group label="Start from" value={source} onChange={(value) => setSource(value as FrameworkSource)}>
            <Stack gap="xs" mt="xs">
              {SOURCES.map((option) => (
                <Radio key={option.value} value={option.value} label={option.label} description={option.description} />
              ))}
            </Stack>
          </Radio.Group>
          {source === 'COPY' ? (
            <Select label="Framework to copy" data={frameworks.map((f) => ({ value: f.id, label: f.name }))} value={copyOf} onChange={setCopyOf} required />
          ) : null}
          {source === 'IMPORT' ? (
            <FileInput label="Framework document" accept="application/json,.json" value={file} onChange={setFile} required placeholder="Choose a .json file" />
          ) : null}
          <TextInput
            label="Name"
            description={source === 'IMPORT' ? "Leave empty to keep the document's name." : undefined}
            required={source !== 'IMPORT'}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          {problem ? (
            <Alert color="red" role="alert" title="Not created">
              <Text size="sm">{problem}</Text>
              {importProblems.length > 0 ? (
                <List size="sm" mt="xs" aria-label="Problems in the file">
                  {importProblems.map((p, index) => (
                    <List.Item key={index}>
                      <code>{p.path || '(document)'}</code>: {p.message}
                    </List.Item>
                  ))}
                </List>
              ) : null}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Create and edit
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
