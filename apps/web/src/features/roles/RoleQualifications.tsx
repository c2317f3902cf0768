import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { QualificationRequirement } from '../../gql/graphql';
import { formatValidity, requirementLabel } from '../../lib/labels';

export interface RoleQualificationItem {
  requirement: QualificationRequirement;
  qualification: {
    id: string;
    name: string;
    provider: string;
    url?: string | null;
    validityMonths?: number | null;
  };
}

const ORDER: QualificationRequirement[] = ['REQUIRED', 'RECOMMENDED'];

/** Required and recommended qualifications, each with its provider, validity and a link when there is one. */
export function RoleQualifications({ items }: { items: RoleQualificationItem[] }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      {ORDER.map((requirement) => {
        const group = items
          .filter((item) => item.requirement === requirement)
          .sort((a, b) => a.qualification.name.localeCompare(b.qualification.name));
        const headingId = `qualifications-${requirement.toLowerCase()}`;
        return (
          <Stack key={requirement} gap="sm">
            <Title order={3} id={headingId}>
              {requirementLabel[requirement]}
            </Title>
            {group.length === 0 ? (
              <Text size="sm" c="dimmed">
                {requirement === 'REQUIRED' ? 'No qualification is required.' : 'No qualification is recommended.'}
              </Text>
            ) : (
              <Stack component="ul" gap="sm" aria-labelledby={headingId} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {group.map(({ qualification }) => (
                  <Card key={qualification.id} component="li" withBorder padding="md">
                    <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
                      <div>
                        {qualification.url ? (
                          <Anchor href={qualification.url} target="_blank" rel="noopener noreferrer" fw={600}>
                            {qualification.name}
                            <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
                          </Anchor>
                        ) : (
                          <Text fw={600}>{qualification.name}</Text>
                        )}
                        <Text size="sm" c="dimmed">
                          {qualification.provider}
                        </Text>
                      </div>
                      <Badge
                        variant={requirement === 'REQUIRED' ? 'filled' : 'light'}
                        color={requirement === 'REQUIRED' ? 'pine' : 'gray'}
                        style={{ flexShrink: 0 }}
                      >
                        {requirementLabel[requirement]}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed" mt={6}>
                      {formatValidity(qualification.validityMonths)}
                    </Text>
                  </Card>
                ))}
              </Stack>
            )}
          </Stack>
        );
      })}
    </SimpleGrid>
  );
}
