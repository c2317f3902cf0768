import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { theme } from '../../app/theme';
import { MarkdownField } from './MarkdownField';

function Field({ lines = false, initial = '' }: { lines?: boolean; initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <MantineProvider theme={theme} env="test">
      <MarkdownField label="Level 3 · Practitioner: summary" description="What someone at this level does." value={value} onChange={setValue} lines={lines} />
      <button type="button">After</button>
    </MantineProvider>
  );
}

describe('MarkdownField', () => {
  it('previews what was written with the framework pages’ safe renderer, by keyboard, and returns to the text', async () => {
    render(<Field />);
    const user = userEvent.setup();
    const box = screen.getByRole('textbox', { name: 'Level 3 · Practitioner: summary' });
    await user.type(box, 'Runs **delivery** alone. <script>alert(1)</script>');
    const toggle = screen.getByRole('button', { name: 'Preview Level 3 · Practitioner: summary' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    // The toggle sits just before the text: Shift+Tab reaches it, Space presses it.
    await user.tab({ shift: true });
    expect(toggle).toHaveFocus();
    await user.keyboard(' ');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const preview = screen.getByRole('region', { name: 'Preview of Level 3 · Practitioner: summary' });
    await waitFor(() => expect(within(preview).getByText('delivery').tagName).toBe('STRONG'));
    // Raw HTML stays text, never an element.
    expect(preview.querySelector('script')).toBeNull();
    expect(preview).toHaveTextContent('<script>alert(1)</script>');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(toggle).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Level 3 · Practitioner: summary' })).toHaveValue('Runs **delivery** alone. <script>alert(1)</script>');
  });

  it('previews a one-per-line field as a list, and says when nothing is written', async () => {
    const { unmount } = render(<Field lines initial={'Reviews *others*\n\n  Owns the [runbook](https://example.com)  '} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Preview/ }));
    const preview = screen.getByRole('region', { name: /^Preview of/ });
    const items = within(preview).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    await waitFor(() => expect(within(items[1]!).getByRole('link', { name: 'runbook' })).toHaveAttribute('rel', 'noopener noreferrer'));
    expect(within(items[0]!).getByText('others').tagName).toBe('EM');
    unmount();
    render(<Field lines />);
    await user.click(screen.getByRole('button', { name: /^Preview/ }));
    expect(screen.getByRole('region', { name: /^Preview of/ })).toHaveTextContent('Nothing written yet.');
  });
});
