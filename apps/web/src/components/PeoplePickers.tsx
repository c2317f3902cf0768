import { Select, type SelectProps } from '@mantine/core';

type PickerProps = Omit<SelectProps, 'data' | 'searchable' | 'clearable' | 'nothingFoundMessage'>;

/** A team, chosen by its path ("Delivery/PMO"), or none. */
export function TeamSelect({ teams, ...props }: PickerProps & { teams: readonly { id: string; path: string }[] }) {
  const data = [...teams].sort((a, b) => a.path.localeCompare(b.path)).map((team) => ({ value: team.id, label: team.path }));
  return <Select label="Team" placeholder="No team" data={data} searchable clearable nothingFoundMessage="No team has that name" {...props} />;
}

/** A manager, chosen by name, or none. People who left are marked, so a kept choice still reads right. */
export function ManagerSelect({ people, ...props }: PickerProps & { people: readonly { id: string; name: string; active?: boolean }[] }) {
  const data = [...people]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((person) => ({ value: person.id, label: person.active === false ? `${person.name} (left)` : person.name }));
  return <Select label="Manager" placeholder="No manager" data={data} searchable clearable nothingFoundMessage="No one has that name" {...props} />;
}
