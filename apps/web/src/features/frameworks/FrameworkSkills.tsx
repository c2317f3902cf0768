import { Badge, Stack, Text, Title } from '@mantine/core';
import { Descriptor } from '../../components/markdown/Descriptor';
import { Markdown } from '../../components/markdown/Markdown';
import classes from './FrameworkSkills.module.css';

export interface BrowsedSkillLevel {
  level: number;
  name: string;
  descriptor: string | null;
  hasDescriptor: boolean;
  criteria: readonly string[];
  examples: readonly string[];
}

export interface BrowsedSkill {
  id: string;
  name: string;
  description?: string | null;
  scale: { key?: string | null; name?: string | null };
  levels: readonly BrowsedSkillLevel[];
}

export interface BrowsedCategory {
  id: string;
  name: string;
  description?: string | null;
  skills: readonly BrowsedSkill[];
}

/**
 * Every skill with every level of its own scale: the level's name, then its summary, criteria and examples, or
 * "No descriptor written for this level" (never invented). Each skill opens on demand (native details: keyboard
 * and screen readers know it).
 */
export function FrameworkSkills({ categories, scales }: { categories: readonly BrowsedCategory[]; scales: readonly { key: string | null; name: string | null; levels: readonly { level: number; name: string }[] }[] }) {
  const total = categories.reduce((sum, c) => sum + c.skills.length, 0);
  return (
    <section aria-labelledby="skills-heading">
      <Stack gap="sm">
        <div>
          <Title order={2} id="skills-heading">
            Skills
          </Title>
          <Text size="sm" c="dimmed">
            {total === 0 ? 'This version has no skills.' : `${total} skills by category. Open a skill to see what each of its levels looks like.`}
          </Text>
        </div>
        {scales.length > 0 ? (
          <Text size="sm">
            Scales of their own:{' '}
            {scales.map((scale, i) => (
              <span key={scale.key ?? i}>
                {i > 0 ? '; ' : ''}
                <strong>{scale.name}</strong> ({scale.levels.map((l) => l.name).join(', ')})
              </span>
            ))}
            .
          </Text>
        ) : null}
        {categories
          .filter((category) => category.skills.length > 0)
          .map((category) => (
            <div key={category.id}>
              <Title order={3} size="h4" mt="sm">
                {category.name}
              </Title>
              {category.description ? (
                <Text size="sm" c="dimmed">
                  {category.description}
                </Text>
              ) : null}
              <div className={classes.skills}>
                {category.skills.map((skill) => (
                  <SkillLevels key={skill.id} skill={skill} />
                ))}
              </div>
            </div>
          ))}
      </Stack>
    </section>
  );
}

function SkillLevels({ skill }: { skill: BrowsedSkill }) {
  const levels = [...skill.levels].sort((a, b) => a.level - b.level);
  const described = levels.filter((l) => l.hasDescriptor).length;
  return (
    <details className={classes.skill}>
      <summary className={classes.summary}>
        <Text span fw={600}>
          {skill.name}
        </Text>
        {skill.scale.name ? (
          <Badge variant="light" color="grape" size="sm" ml={8}>
            {skill.scale.name} · {levels.length} {levels.length === 1 ? 'level' : 'levels'}
          </Badge>
        ) : null}
        {described < levels.length ? (
          <Text span size="xs" c="dimmed" ml={8}>
            {levels.length - described} without a descriptor
          </Text>
        ) : null}
      </summary>
      <div className={classes.body}>
        {skill.description ? (
          <Text size="sm" component="div" mb="xs">
            <Markdown text={skill.description} />
          </Text>
        ) : null}
        <ol className={classes.levels} aria-label={`${skill.name} at every level`}>
          {levels.map((step) => (
            <li key={step.level} className={classes.level}>
              <Text size="sm" fw={700}>
                {step.level} · {step.name}
              </Text>
              <Descriptor summary={step.descriptor} criteria={step.criteria} examples={step.examples} />
            </li>
          ))}
        </ol>
      </div>
    </details>
  );
}
