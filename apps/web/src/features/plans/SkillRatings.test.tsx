import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ToastProvider } from '../../components/Toasts';
import { theme } from '../../app/theme';
import { SkillRatings, type SkillRatingsProps } from './SkillRatings';
import { FT_LEVELS, scaleFields } from '../../components/levels/fixtures';

// Planning is on FT's scale with its own descriptors; Risk on a scale of three levels of its own.
const version: SkillRatingsProps['version'] = {
  skills: [
    { id: 'skill-planning', key: 'planning', name: 'Planning & scheduling', ...scaleFields(FT_LEVELS, { descriptors: { 2: 'Plans **small** pieces of work with help', 5: 'Sets how the [whole office](https://example.com) plans' } }) },
    { id: 'skill-risk', key: 'risk', name: 'Risk management', ...scaleFields(['Spots', 'Handles', 'Leads']) },
  ],
};

/**
 * A page like My plan: saving a rating refetches, and while it does the page shows a loading state in place of
 * the table, so the select that was used is unmounted and a new one drawn.
 */
function RefetchingPage({ fail = false }: { fail?: boolean }) {
  const [loading, setLoading] = useState(false);
  const [current, setCurrent] = useState<SkillRatingsProps['current']>([]);
  const onRate: SkillRatingsProps['onRate'] = async (skill, level) => {
    if (fail) throw new Error('The database is not answering.');
    setLoading(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    setLoading(false);
    setCurrent((entries) => [...entries.filter((e) => e.skillKey !== 'planning'), { skillKey: version.skills.find((s) => s.id === skill.id)?.key ?? skill.id, selfLevel: level }]);
  };
  if (loading) return <p>Saving…</p>;
  return <SkillRatings title="My skills" rater="self" version={version} current={current} expected={null} onRate={onRate} />;
}

const renderPage = (fail?: boolean) =>
  render(
    <MantineProvider theme={theme} env="test">
      <ToastProvider>
        <RefetchingPage fail={fail} />
      </ToastProvider>
    </MantineProvider>,
  );

describe('SkillRatings', () => {
  it('offers exactly each skill’s own levels, named on its scale with their descriptor summaries', () => {
    renderPage();
    const options = (name: string) => Array.from(screen.getByRole<HTMLSelectElement>('combobox', { name }).options).map((o) => [o.value, o.textContent, o.disabled]);
    expect(options('My rating of Planning & scheduling')).toEqual([
      ['', 'Not rated', true],
      ['1', '1 · Awareness', false],
      ['2', '2 · Foundational: Plans small pieces of work with help', false],
      ['3', '3 · Working knowledge', false],
      ['4', '4 · Practitioner', false],
      ['5', '5 · Expert: Sets how the whole office plans', false],
    ]);
    // Three levels, not the five of the other skill or of the framework.
    expect(options('My rating of Risk management')).toEqual([
      ['', 'Not rated', true],
      ['1', '1 · Spots', false],
      ['2', '2 · Handles', false],
      ['3', '3 · Leads', false],
    ]);
  });

  it('keeps focus on the rating control after a save re-draws the table, and says it was saved', async () => {
    renderPage();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'My rating of Planning & scheduling' }), '2');
    expect(await screen.findByText('Rated Planning & scheduling at 2 · Foundational.')).toBeInTheDocument();
    const select = screen.getByRole('combobox', { name: 'My rating of Planning & scheduling' });
    expect(select).toHaveValue('2');
    await waitFor(() => expect(select).toHaveFocus());
  });

  it('keeps focus on the control when the save fails too', async () => {
    renderPage(true);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'My rating of Risk management' }), '3');
    expect(await screen.findByRole('alert')).toHaveTextContent('The rating was not saved');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'My rating of Risk management' })).toHaveFocus());
  });
});
