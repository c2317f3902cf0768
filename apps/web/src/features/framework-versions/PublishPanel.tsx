import { Alert, Anchor, Badge, Button, Group, List, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { FrameworkPublishPreviewQuery as PreviewResult, PublishFrameworkDraftMutation as PublishResult } from '../../gql/graphql';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { describeError } from '../../lib/errors';
import { DiffView } from './DiffView';
import { ProblemList } from './ProblemList';
import { problemsOf } from './problems';

export const FrameworkPublishPreviewQuery = graphql(`
  query FrameworkPublishPreview($frameworkId: ID!) {
    frameworkPublishPreview(frameworkId: $frameworkId) {
      draftRevision
      publishedVersionNumber
      nextVersionNumber
      shortfallsCounted
      problems {
        path
        message
      }
      diff {
        ...FrameworkDiffFields
      }
      questions {
        kind
        fromKey
        fromLabel
        suggestedToKey
        reason
        options {
          key
          label
        }
      }
      impact {
        roleKey
        title
        status
        carriedToKey
        people
        aiming
        assessed
        shortfallsToday
        shortfallsUnderDraft
        partlyKnownToday
        partlyKnownUnderDraft
        changedExpectations {
          skillKey
          skillName
          before
          after
        }
      }
    }
  }
`);

export const PublishFrameworkDraftMutation = graphql(`
  mutation PublishFrameworkDraft($frameworkId: ID!, $expectedRevision: Int!, $choices: [MigrationChoiceInput!]!) {
    publishFrameworkDraft(frameworkId: $frameworkId, expectedRevision: $expectedRevision, choices: $choices) {
      version {
        id
        number
      }
      followers {
        name
        describe
        moved
        cleared
      }
    }
  }
`);

type Preview = PreviewResult['frameworkPublishPreview'];
type Question = Preview['questions'][number];
type Report = PublishResult['publishFrameworkDraft'];

/** The Select value that removes a gone role or skill (keys are slugs, so this cannot clash). */
const REMOVE = ':remove';

const questionId = (q: Pick<Question, 'kind' | 'fromKey'>) => `${q.kind}:${q.fromKey}`;

function level(value: number | null): string {
  return value === null ? '–' : String(value);
}

function ImpactTable({ preview }: { preview: Preview }) {
  const rows = preview.impact.filter((row) => row.people + row.aiming > 0 || row.changedExpectations.length > 0 || row.status !== 'KEPT');
  if (rows.length === 0) return <Text size="sm">No role changes and nobody is affected.</Text>;
  return (
    <Table withTableBorder striped aria-label="Impact on people per role" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Role</Table.Th>
          <Table.Th scope="col">People in it</Table.Th>
          <Table.Th scope="col">Aiming at it</Table.Th>
          <Table.Th scope="col">Below expectations today</Table.Th>
          <Table.Th scope="col">Below expectations under the draft</Table.Th>
          <Table.Th scope="col">Changed expectations</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={`${row.status}-${row.roleKey}`}>
            <Table.Th scope="row" fw={500}>
              <Group gap={6}>
                {row.title}
                {row.status !== 'KEPT' ? (
                  <Badge size="xs" color={row.status === 'ADDED' ? 'green' : 'red'} variant="light">
                    {row.status === 'ADDED' ? 'new' : 'removed'}
                  </Badge>
                ) : null}
              </Group>
            </Table.Th>
            <Table.Td>{row.people}</Table.Td>
            <Table.Td>{row.aiming}</Table.Td>
            <Table.Td>{preview.shortfallsCounted ? `${row.shortfallsToday} of ${row.assessed} assessed${partly(row.partlyKnownToday)}` : 'not assessed yet'}</Table.Td>
            <Table.Td>
              {row.shortfallsUnderDraft === null
                ? 'role removed'
                : preview.shortfallsCounted
                  ? `${row.shortfallsUnderDraft} of ${row.assessed} assessed${partly(row.partlyKnownUnderDraft)}`
                  : 'not assessed yet'}
            </Table.Td>
            <Table.Td>
              {row.changedExpectations.length === 0 ? (
                <Text span size="sm" c="dimmed">
                  none
                </Text>
              ) : (
                <List size="sm" spacing={2}>
                  {row.changedExpectations.map((change) => (
                    <List.Item key={change.skillKey}>
                      {change.skillName}: {level(change.before)} → {level(change.after)}
                    </List.Item>
                  ))}
                </List>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function MigrationChoices({
  questions,
  answers,
  onAnswer,
}: {
  questions: Question[];
  answers: Record<string, string>;
  onAnswer: (question: Question, value: string) => void;
}) {
  return (
    <Stack gap="sm">
      {questions.map((question) => {
        const noun = question.kind === 'ROLE' ? 'role' : 'skill';
        return (
          <Select
            key={questionId(question)}
            label={`${question.kind === 'ROLE' ? 'Role' : 'Skill'} “${question.fromLabel}” is gone: carry its data to`}
            description={`Suggested because ${question.reason}.`}
            data={[
              ...question.options.map((option) => ({ value: option.key, label: option.label })),
              { value: REMOVE, label: `Nothing: remove the ${noun} and clear what points at it` },
            ]}
            value={answers[questionId(question)] ?? REMOVE}
            onChange={(value) => onAnswer(question, value ?? REMOVE)}
            allowDeselect={false}
            searchable
          />
        );
      })}
    </Stack>
  );
}

function PublishedReport({ report, frameworkId }: { report: Report; frameworkId: string }) {
  return (
    <Alert color="green" variant="light" title={`Version ${report.version.number} is published`} role="status">
      <Text size="sm" mb="xs">
        Everyone now sees version {report.version.number}. Next:{' '}
        <Anchor component={Link} to={`/frameworks/${frameworkId}`}>
          see it as your people will
        </Anchor>
        ,{' '}
        <Anchor component={Link} to="/admin/import">
          import your people
        </Anchor>{' '}
        or{' '}
        <Anchor component={Link} to="/admin/people">
          invite them
        </Anchor>
        .
      </Text>
      {report.followers.length === 0 ? (
        <Text size="sm">Nothing pointed at the previous version.</Text>
      ) : (
        <List size="sm" aria-label="What moved">
          {report.followers.map((follower) => (
            <List.Item key={follower.name}>
              {follower.describe}: {follower.moved} moved to version {report.version.number}, {follower.cleared} cleared
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/**
 * Publishing the draft: what changes, who it affects, what happens to removed roles and skills, and
 * after publishing, what moved. The draft's revision is sent along, so a draft edited meanwhile is refused.
 */
export function PublishPanel({ frameworkId, onPublished }: { frameworkId: string; onPublished: (report: Report) => void }) {
  const { data, loading, error, refetch } = useQuery(FrameworkPublishPreviewQuery, { variables: { frameworkId }, fetchPolicy: 'network-only' });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [publish, { loading: publishing, error: publishError }] = useMutation(PublishFrameworkDraftMutation);
  const [report, setReport] = useState<Report | null>(null);

  if (report) return <PublishedReport report={report} frameworkId={frameworkId} />;
  if (loading && !data) return <LoadingState label="Preparing the publish preview…" />;
  if (error || !data) return <ErrorState title="Could not prepare the preview" error={error} onRetry={() => refetch()} />;
  const preview = data.frameworkPublishPreview;
  const answerOf = (question: Question) => answers[questionId(question)] ?? question.suggestedToKey ?? REMOVE;

  const doPublish = async () => {
    const choices = preview.questions.map((question) => {
      const answer = answerOf(question);
      return { kind: question.kind, fromKey: question.fromKey, toKey: answer === REMOVE ? null : answer };
    });
    try {
      const result = await publish({ variables: { frameworkId, expectedRevision: preview.draftRevision, choices } });
      if (result.data) {
        setReport(result.data.publishFrameworkDraft);
        onPublished(result.data.publishFrameworkDraft);
      }
    } catch {
      // Shown below from publishError.
    }
  };

  if (preview.problems.length > 0) {
    return <ProblemList title="The draft cannot be published yet" problems={preview.problems} />;
  }
  return (
    <Stack gap="lg">
      <Text size="sm">
        Publishing makes the draft version {preview.nextVersionNumber}
        {preview.publishedVersionNumber ? `, replacing version ${preview.publishedVersionNumber}` : ''}. Everyone is then measured
        against it. Published versions never change.
      </Text>
      <section aria-labelledby="publish-impact">
        <Title order={4} id="publish-impact" mb="xs">
          Impact on people
        </Title>
        {!preview.shortfallsCounted ? (
          <Text size="sm" c="dimmed" mb="xs">
            Nobody has been assessed yet, so shortfalls cannot be counted: the table shows the people per role and the expectations
            that change.
          </Text>
        ) : null}
        <ImpactTable preview={preview} />
      </section>
      {preview.questions.length > 0 ? (
        <section aria-labelledby="publish-questions">
          <Title order={4} id="publish-questions" mb="xs">
            What happens to removed roles and skills
          </Title>
          <MigrationChoices
            questions={preview.questions}
            answers={Object.fromEntries(preview.questions.map((q) => [questionId(q), answerOf(q)]))}
            onAnswer={(question, value) => setAnswers((current) => ({ ...current, [questionId(question)]: value }))}
          />
        </section>
      ) : null}
      {preview.diff ? (
        <section aria-labelledby="publish-diff">
          <Title order={4} id="publish-diff" mb="xs">
            Changes
          </Title>
          <DiffView diff={preview.diff} />
        </section>
      ) : null}
      {publishError ? (
        <ProblemList title="Could not publish" problems={problemsOf(publishError)} fallback={describeError(publishError)} />
      ) : null}
      <Group justify="flex-end">
        <Button onClick={() => void doPublish()} loading={publishing}>
          Publish version {preview.nextVersionNumber}
        </Button>
      </Group>
    </Stack>
  );
}

/** Unknown is not zero: shortfalls are counted on what is known (rated, or assumed from a person's current role). */
function partly(count: number | null): string {
  return count ? ` (${count} partly known: counted on what is known)` : '';
}
