import { Alert, Code, List, Text } from '@mantine/core';
import type { DocumentProblem } from './problems';

/** Every problem of a refused import or publication, each with where it is. */
export function ProblemList({ title, problems, fallback }: { title: string; problems: DocumentProblem[]; fallback?: string }) {
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {problems.length === 0 ? (
        <Text size="sm">{fallback}</Text>
      ) : (
        <>
          <Text size="sm" mb="xs">
            {problems.length} problem{problems.length === 1 ? '' : 's'}; nothing was changed.
          </Text>
          <List size="sm" spacing={4} aria-label="Problems">
            {problems.map((problem, index) => (
              <List.Item key={`${index}-${problem.path}`}>
                {problem.where ? (
                  <>
                    <Text span fw={600} size="sm">
                      {problem.where}
                    </Text>
                    : {problem.message}
                  </>
                ) : (
                  <>
                    {problem.path ? <Code>{problem.path}</Code> : null} {problem.message}
                  </>
                )}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
