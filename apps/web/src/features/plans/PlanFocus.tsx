import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { MyPlanFieldsFragment } from '../../gql/graphql';
import { useToast } from '../../components/Toasts';
import { describeError } from '../../lib/errors';
import { RemovePlanActionMutation } from './PlanActions';
import { Markdown } from '../../components/markdown/Markdown';
import { BASIS_LABELS } from './planLabels';
import { skillLevelLabel, type ScaledSkill } from '../../components/levels/levels';

export const AddPlanSuggestionsMutation = graphql(`
  mutation AddPlanSuggestions($input: AddPlanSuggestionsInput!) {
    addPlanSuggestions(input: $input) {
      ...MyPlanFields
    }
  }
`);

type Focus = MyPlanFieldsFragment['focus'][number];
type Suggestion = Focus['suggestions'][number];

/**
 * This revision's focus: a few skills that matter most for the next step, each with one or two
 * concrete suggestions the person adds to the plan by choice ("Add to plan", with Undo); the other
 * gaps are listed as "later", and the expectations nobody rated as "not rated yet".
 */
export function PlanFocus({
  plan,
  skills,
  onFailure,
}: {
  plan: MyPlanFieldsFragment;
  /** The version's skills, each with its own scale: levels are named on it. */
  skills: readonly ({ id: string; key: string; name: string } & ScaledSkill)[];
  onFailure: (message: string | null) => void;
}) {
  const toast = useToast();
  const [addSuggestions, { loading }] = useMutation(AddPlanSuggestionsMutation);
  const [remove] = useMutation(RemovePlanActionMutation);
  const draft = plan.status === 'DRAFT';
  const skillIds = new Map(skills.map((skill) => [skill.key, skill.id]));
  const skillByKey = new Map(skills.map((skill) => [skill.key, skill]));
  // "Level 2 · Foundational" on the skill's own scale; a level of 0 is "no level yet".
  const named = (skillKey: string, level: number) => (level > 0 ? skillLevelLabel(skillByKey.get(skillKey), level) : 'No level yet');

  const add = async (suggestion: Suggestion) => {
    onFailure(null);
    try {
      const result = await addSuggestions({ variables: { input: { planId: plan.id, expectedVersion: plan.version, suggestionIds: [suggestion.id] } } });
      const updated = result.data?.addPlanSuggestions;
      const action = updated?.actions.find((a) => a.suggestionId === suggestion.id);
      toast.show({
        message: `Added “${suggestion.title}” to your plan.`,
        action:
          updated && action
            ? {
                label: 'Undo',
                onClick: () =>
                  remove({ variables: { input: { actionId: action.id, expectedPlanVersion: updated.version } } }).catch((error: unknown) =>
                    onFailure(`“${suggestion.title}” could not be taken out again: ${describeError(error)}`),
                  ),
              }
            : undefined,
      });
    } catch (error) {
      onFailure(`“${suggestion.title}” was not added: ${describeError(error)}`);
    }
  };

  if (plan.focus.length === 0 && plan.later.length === 0 && plan.unknownExpectations.length === 0) return null;
  return (
    <Stack gap="sm">
      <Title order={3}>Focus for this revision</Title>
      {plan.focus.length > 0 ? (
        <Text size="sm">
          The {plan.focus.length} skills that matter most for your next step, each aiming one level up. Add the suggestions you will really do this quarter;
          the rest of your gaps wait under “Later”.
        </Text>
      ) : (
        <Text size="sm">Nothing known stands between you and {plan.targetRole.title}: rate the skills below that are not rated yet to be sure.</Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {plan.focus.map((focus) => (
          <Card key={focus.skillKey} withBorder padding="md" component="section" aria-label={`Focus: ${focus.skillName}`}>
            <Stack gap={6}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Title order={4}>{focus.skillName}</Title>
                {focus.blocking ? (
                  <Badge color="orange" variant="light" style={{ flexShrink: 0 }}>
                    Next step needs it
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm">
                Now {named(focus.skillKey, focus.currentLevel)} ({BASIS_LABELS[focus.basis] ?? focus.basis}) → aim for {named(focus.skillKey, focus.aimLevel)}; the route
                needs {named(focus.skillKey, focus.targetLevel)}.
              </Text>
              {focus.aimDescriptor ? (
                <Text size="sm" fs="italic">
                  {named(focus.skillKey, focus.aimLevel)}: “<Markdown text={focus.aimDescriptor} inline />”
                </Text>
              ) : null}
              <List spacing="xs" size="sm" aria-label={`Suggestions for ${focus.skillName}`} listStyleType="none" ml={0} pl={0}>
                {focus.suggestions.map((suggestion) => (
                  <List.Item key={suggestion.id}>
                    <Stack gap={2}>
                      <Text size="sm" fw={600}>
                        {suggestion.title}
                      </Text>
                      <Text size="xs">{suggestion.description}</Text>
                      <Group gap="xs">
                        {suggestion.actionId ? (
                          <Badge variant="light" color="teal">
                            In your plan
                          </Badge>
                        ) : draft ? (
                          <Button size="compact-sm" variant="light" loading={loading} aria-label={`Add to plan: ${suggestion.title}`} onClick={() => void add(suggestion)}>
                            Add to plan
                          </Button>
                        ) : (
                          <Text size="xs">Not in this plan (add it at the next revision).</Text>
                        )}
                      </Group>
                    </Stack>
                  </List.Item>
                ))}
              </List>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {plan.later.length > 0 ? (
        <Stack gap={4}>
          <Title order={4}>Later</Title>
          <Text size="sm">Gaps on the way to {plan.targetRole.title} that wait for a later revision: visible, no actions yet.</Text>
          <List size="sm" aria-label="Later">
            {plan.later.map((gap) => (
              <List.Item key={gap.skillKey}>
                {gap.skillName}: {named(gap.skillKey, gap.currentLevel)} ({BASIS_LABELS[gap.basis] ?? gap.basis}) → {named(gap.skillKey, gap.targetLevel)}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      {plan.unknownExpectations.length > 0 ? (
        <Stack gap={4}>
          <Title order={4}>Not rated yet</Title>
          <Text size="sm">Your current role does not tell us these; rate them to know whether they are gaps.</Text>
          <List size="sm" aria-label="Not rated yet">
            {plan.unknownExpectations.map((unknown) => {
              const id = skillIds.get(unknown.skillKey);
              return (
                <List.Item key={unknown.skillKey}>
                  {id ? (
                    <Anchor component={Link} to={`/my-career/skills/${id}`}>
                      {unknown.skillName}
                    </Anchor>
                  ) : (
                    unknown.skillName
                  )}{' '}
                  (expected: {named(unknown.skillKey, unknown.requiredLevel)})
                </List.Item>
              );
            })}
          </List>
        </Stack>
      ) : null}
    </Stack>
  );
}
