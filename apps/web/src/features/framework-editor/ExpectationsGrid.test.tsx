import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DraftOperation, FrameworkDocument } from '@trellis/domain';
import { theme } from '../../app/theme';
import { ExpectationsGrid, parsePastedLevel, pastedRows } from './ExpectationsGrid';

/** Two tracks, three roles, three skills in two categories; the first role expects planning 1. */
function document(): FrameworkDocument {
  const levels = { '1': { summary: 'a', criteria: [], examples: [] }, '2': { summary: 'b', criteria: [], examples: [] }, '3': { summary: 'c', criteria: [], examples: [] } };
  return {
    schemaVersion: '1',
    key: 'f',
    name: 'F',
    proficiencyScale: [
      { level: 1, name: 'Aware', summary: 'a' },
      { level: 2, name: 'Practised', summary: 'b' },
      { level: 3, name: 'Competent', summary: 'c' },
    ],
    skillCategories: [
      { key: 'delivery', name: 'Delivery' },
      { key: 'people', name: 'People' },
    ],
    // Listed out of category order: the grid groups columns by category.
    skills: [
      { key: 'mentoring', name: 'Mentoring', categoryKey: 'people', levels },
      { key: 'planning', name: 'Planning', categoryKey: 'delivery', levels },
      { key: 'risk', name: 'Risk', categoryKey: 'delivery', levels },
    ],
    tracks: [
      { key: 'pmo', name: 'PMO', kind: 'core' },
      { key: 'delivery', name: 'Delivery', kind: 'core' },
    ],
    roles: [
      { key: 'pm', title: 'Project Manager', trackKey: 'delivery', level: 1, summary: 's', responsibilities: [], expectations: {} },
      { key: 'senior', title: 'Senior Analyst', trackKey: 'pmo', level: 2, summary: 's', responsibilities: [], expectations: { risk: 3 } },
      { key: 'analyst', title: 'Analyst', trackKey: 'pmo', level: 1, summary: 's', responsibilities: [], expectations: { planning: 1 } },
    ],
    transitions: [],
    qualifications: [],
  };
}

function renderGrid() {
  const apply = jest.fn<Promise<boolean>, [DraftOperation[]]>().mockResolvedValue(true);
  const user = userEvent.setup();
  render(
    <MantineProvider theme={theme} env="test">
      <ExpectationsGrid document={document()} apply={apply} />
    </MantineProvider>,
  );
  return { apply, user, grid: screen.getByRole('grid', { name: 'Expectations' }) };
}

const cell = (name: string) => screen.getByRole('gridcell', { name: new RegExp(`^${name}:`) });

describe('ExpectationsGrid', () => {
  it('lays out roles by track and rung, skills by category, with one tab stop', () => {
    renderGrid();
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Analyst', 'Senior Analyst', 'Project Manager']);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Role', 'Planning', 'Risk', 'Mentoring']);
    expect(cell('Analyst, Planning')).toHaveAccessibleName('Analyst, Planning: 1 (Aware)');
    expect(cell('Senior Analyst, Risk')).toHaveTextContent('3');
    expect(screen.getAllByRole('gridcell').filter((c) => c.tabIndex === 0)).toEqual([cell('Analyst, Planning')]);
  });

  it('moves with the arrow keys, Home and End, staying inside the grid', async () => {
    const { user } = renderGrid();
    await user.click(cell('Analyst, Planning'));
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(cell('Senior Analyst, Risk')).toHaveFocus();
    expect(cell('Senior Analyst, Risk')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{End}{ArrowRight}{ArrowDown}{ArrowDown}');
    expect(cell('Project Manager, Mentoring')).toHaveFocus();
    await user.keyboard('{Home}{ArrowUp}{ArrowUp}{ArrowUp}{ArrowLeft}');
    expect(cell('Analyst, Planning')).toHaveFocus();
  });

  it('sets a level by typing its digit, and clears it with Delete or Backspace', async () => {
    const { user, apply } = renderGrid();
    await user.click(cell('Analyst, Planning'));
    await user.keyboard('{ArrowRight}3');
    expect(apply).toHaveBeenLastCalledWith([{ kind: 'setExpectation', roleKey: 'analyst', skillKey: 'risk', level: 3 }]);
    await user.keyboard('{ArrowLeft}{Delete}');
    expect(apply).toHaveBeenLastCalledWith([{ kind: 'setExpectation', roleKey: 'analyst', skillKey: 'planning', level: null }]);
    await user.keyboard('{ArrowDown}{ArrowRight}{Backspace}');
    expect(apply).toHaveBeenLastCalledWith([{ kind: 'setExpectation', roleKey: 'senior', skillKey: 'risk', level: null }]);
    expect(apply).toHaveBeenCalledTimes(3);
  });

  it('refuses a digit off the scale and sends nothing for an unchanged cell', async () => {
    const { user, apply } = renderGrid();
    await user.click(cell('Analyst, Planning'));
    await user.keyboard('7');
    expect(screen.getByRole('alert')).toHaveTextContent('Planning runs from 1 to 3: 7 is not on its scale.');
    await user.keyboard('1');
    await user.keyboard('{ArrowRight}{Delete}');
    expect(apply).not.toHaveBeenCalled();
  });

  it('pastes tab-separated rows from a spreadsheet, starting at the selected cell', async () => {
    const { user, apply, grid } = renderGrid();
    await user.click(cell('Analyst, Risk'));
    fireEvent.paste(grid, { clipboardData: { getData: () => '2\t3\tignored\r\n\t1\n' } });
    expect(apply).toHaveBeenCalledWith([
      { kind: 'setExpectationsRow', roleKey: 'analyst', levels: { risk: 2, mentoring: 3 } },
      { kind: 'setExpectationsRow', roleKey: 'senior', levels: { risk: null, mentoring: 1 } },
    ]);
  });

  it('pastes nothing when a pasted cell is not a level, and says which', async () => {
    const { user, apply, grid } = renderGrid();
    await user.click(cell('Analyst, Planning'));
    fireEvent.paste(grid, { clipboardData: { getData: () => '2\tlots\t9' } });
    expect(apply).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Nothing was pasted. Analyst, Risk: "lots" is not a level from 1 to 3; Analyst, Mentoring: "9" is not a level from 1 to 3.',
    );
  });
});

describe('pasted text', () => {
  it('splits rows and cells the way spreadsheets copy them', () => {
    expect(pastedRows('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('reads levels, empty cells and dashes', () => {
    expect(parsePastedLevel(' 3 ')).toBe(3);
    expect(parsePastedLevel('')).toBeNull();
    expect(parsePastedLevel('–')).toBeNull();
    expect(parsePastedLevel('3.5')).toBeUndefined();
  });
});

describe('ExpectationsGrid: optional expectations and their terms', () => {
  it('toggles optional with O and saves the terms of the selected cell with what was just toggled', async () => {
    const apply = jest.fn<Promise<boolean>, [DraftOperation[]]>().mockResolvedValue(true);
    const doc = document();
    const wrap = (d: FrameworkDocument) => (
      <MantineProvider theme={theme} env="test">
        <ExpectationsGrid document={d} apply={apply} />
      </MantineProvider>
    );
    const { rerender } = render(wrap(doc));
    const user = userEvent.setup();
    await user.click(cell('Analyst, Planning'));
    await user.keyboard('o');
    expect(apply).toHaveBeenLastCalledWith([{ kind: 'setExpectationDetail', roleKey: 'analyst', skillKey: 'planning', optional: true }]);
    // The draft comes back with the expectation optional: the cell says so, and the terms form starts from it.
    const analyst = doc.roles.find((r) => r.key === 'analyst')!;
    const next = { ...doc, roles: doc.roles.map((r) => (r === analyst ? { ...r, expectationDetails: { planning: { optional: true } } } : r)) };
    rerender(wrap(next));
    expect(screen.getByRole('gridcell', { name: /^Analyst, Planning: \d \(.*\), optional$/ })).toBeInTheDocument();
    const terms = screen.getByRole('region', { name: "Terms of Analyst's expectation for Planning" });
    expect(within(terms).getByRole('checkbox', { name: /Optional/ })).toBeChecked();
    await user.type(within(terms).getByRole('textbox', { name: /What this role does/ }), 'Plans the office move.');
    await user.click(within(terms).getByRole('button', { name: 'Save terms' }));
    expect(apply).toHaveBeenLastCalledWith([
      { kind: 'setExpectationDetail', roleKey: 'analyst', skillKey: 'planning', optional: true, weight: null, statement: 'Plans the office move.' },
    ]);
  });
});
