import { Button, Group } from '@mantine/core';
import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import { describeError } from '../../lib/errors';
import { downloadText } from './problems';

export const FrameworkDocumentExportQuery = graphql(`
  query FrameworkDocumentExport($frameworkId: ID!, $version: Int) {
    frameworkDocument(frameworkId: $frameworkId, version: $version)
  }
`);

export const FrameworkExpectationsCsvQuery = graphql(`
  query FrameworkExpectationsCsv($frameworkId: ID!, $version: Int) {
    frameworkExpectationsCsv(frameworkId: $frameworkId, version: $version)
  }
`);

/** Downloads a version (or the draft, version null) as a JSON document and its expectations grid as CSV. */
export function ExportButtons({ frameworkId, frameworkKey, version }: { frameworkId: string; frameworkKey: string; version: number | null }) {
  const client = useApolloClient();
  const [busy, setBusy] = useState<'json' | 'csv' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = `${frameworkKey}-${version === null ? 'draft' : `v${version}`}`;
  const what = version === null ? 'the draft' : `version ${version}`;

  const download = async (kind: 'json' | 'csv') => {
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'json') {
        const { data } = await client.query({ query: FrameworkDocumentExportQuery, variables: { frameworkId, version }, fetchPolicy: 'network-only' });
        if (data) downloadText(`${name}.json`, data.frameworkDocument, 'application/json');
      } else {
        const { data } = await client.query({ query: FrameworkExpectationsCsvQuery, variables: { frameworkId, version }, fetchPolicy: 'network-only' });
        if (data) downloadText(`${name}-expectations.csv`, data.frameworkExpectationsCsv, 'text/csv');
      }
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Group gap="xs">
      <Button size="compact-sm" variant="default" loading={busy === 'json'} onClick={() => void download('json')} aria-label={`Export ${what} as JSON`}>
        JSON
      </Button>
      <Button size="compact-sm" variant="default" loading={busy === 'csv'} onClick={() => void download('csv')} aria-label={`Export ${what}: expectations CSV`}>
        Expectations CSV
      </Button>
      {error ? (
        <span role="alert" style={{ color: 'var(--mantine-color-red-text)', fontSize: 'var(--mantine-font-size-sm)' }}>
          {error}
        </span>
      ) : null}
    </Group>
  );
}
