import { Alert, Anchor, List, Text } from '@mantine/core';
import { nameFrameworkProblems, validateFramework, type FrameworkDocument, type ProblemSection } from '@trellis/domain';
import { useMemo } from 'react';

/** The editor tab each part of a framework is edited on. */
const TAB_OF: Record<ProblemSection, string> = {
  framework: 'roles',
  scale: 'scale',
  categories: 'skills',
  skills: 'skills',
  tracks: 'roles',
  roles: 'roles',
  transitions: 'transitions',
  qualifications: 'qualifications',
  levelling: 'scale',
};

/**
 * What would stop the draft from being published, worked out as it is edited (the domain's
 * validateFramework on the editor's own copy): each problem named ("Skill "ESG", level 5", not
 * `skills[30].levels.5`) and a link to the tab where it is fixed.
 */
export function DraftProblems({ document, onOpen }: { document: FrameworkDocument; onOpen: (tab: string) => void }) {
  const problems = useMemo(() => {
    const result = validateFramework(document);
    return result.ok ? [] : nameFrameworkProblems(document, result.problems);
  }, [document]);
  if (problems.length === 0) {
    return (
      <Text size="sm" c="teal.9" role="status" data-testid="draft-problems">
        No problems: this draft can be published.
      </Text>
    );
  }
  return (
    <Alert color="orange" title={`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} to fix before publishing`} data-testid="draft-problems">
      <List size="sm" spacing={4} aria-label="Problems to fix before publishing">
        {problems.map((problem) => (
          <List.Item key={`${problem.path}:${problem.message}`}>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => onOpen(TAB_OF[problem.section])}
              aria-label={`${problem.where}: ${problem.message}. Open ${TAB_OF[problem.section]}`}
            >
              {problem.where}
            </Anchor>
            : {problem.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
