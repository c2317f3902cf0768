import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer, apiError } from '../../test/session';
import { MentoringOversightQuery, MentoringSettingsQuery, UpdateMentoringSettingsMutation } from './AdminMentoringPage';

const settings = (fizzleWeeks: number, crossTeam: string, version: number) => ({
  request: { query: MentoringSettingsQuery },
  result: { data: { mentoringSettings: { __typename: 'MentoringSettings' as const, fizzleWeeks, crossTeam, version } } },
});

const relationship = (id: string, menteeName: string, fizzling: boolean) => ({
  __typename: 'OversightRelationship' as const,
  mentorshipId: id,
  menteeName,
  mentorName: 'Grace Liu',
  status: 'active',
  programmeName: null,
  activeSince: '2026-08-01',
  lastSessionOn: fizzling ? '2026-09-01' : '2026-11-30',
  sessions: 3,
  minutes: 135,
  fizzling,
  weeksWithoutSession: fizzling ? 13 : 1,
  message: fizzling ? 'No session for 13 weeks' : null,
});

const overview = (empty: boolean) => ({
  request: { query: MentoringOversightQuery },
  result: {
    data: {
      mentoringOversight: {
        __typename: 'MentoringOversight' as const,
        fizzleWeeks: 6,
        relationships: empty ? [] : [relationship('11111111-1111-4111-8111-111111111111', 'Dan Kowalski', true), relationship('22222222-2222-4222-8222-222222222222', 'Priya Shah', false)],
        waiting: empty
          ? []
          : [{ __typename: 'WaitingMentee' as const, mentorshipId: '33333333-3333-4333-8333-333333333333', menteeName: 'Leo Grant', mentorName: 'Chloe Martin', requestedAt: '2026-11-01T10:00:00.000Z', daysWaiting: 20 }],
        mentorsAtCapacity: empty ? [] : [{ __typename: 'MentorAtCapacity' as const, personId: 'p-1', name: 'Grace Liu', teamName: 'Projects', capacity: 2, occupiedPlaces: 2 }],
        uncovered: empty ? [] : [{ __typename: 'UncoveredMentee' as const, personId: 'p-2', name: 'Leo Grant', skillNames: ['Benefits realisation'] }],
      },
    },
  },
});

describe('Admin mentoring page', () => {
  it('shows fizzling pairs, waiting mentees, full mentors and uncovered skills', async () => {
    renderRoute('/admin/mentoring', [settings(6, 'no-preference', 0), overview(false)], { viewer: adminViewer });
    const fizzling = await screen.findByRole('region', { name: 'Fizzling pairs' }, { timeout: 5000 });
    expect(within(fizzling).getByText('Dan Kowalski')).toBeInTheDocument();
    expect(within(fizzling).getByText('mentored by Grace Liu')).toBeInTheDocument();
    expect(within(fizzling).getByText('No session for 13 weeks')).toBeInTheDocument();
    expect(within(fizzling).queryByText('Priya Shah')).not.toBeInTheDocument();
    const all = screen.getByRole('region', { name: 'Every open relationship' });
    expect(within(all).getByText('Priya Shah')).toBeInTheDocument();
    expect(within(all).getAllByText('2.3')).toHaveLength(2);
    expect(within(screen.getByRole('region', { name: 'Mentees waiting for a mentor' })).getByText('20 days')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Mentors at capacity' })).getByText('2 of 2')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Focus skills no available mentor covers' })).getByText(/Benefits realisation/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();
  });

  it('says so when there is nothing to show', async () => {
    renderRoute('/admin/mentoring', [settings(6, 'no-preference', 0), overview(true)], { viewer: adminViewer });
    expect(await screen.findByText('No pair has gone 6 weeks without a session.', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('No requests are waiting for an answer.')).toBeInTheDocument();
    expect(screen.getByText('Every mentor has a free place.')).toBeInTheDocument();
  });

  it('refuses a fizzle period out of range without asking the API, saves a valid one, and shows a stale save’s refusal', async () => {
    const { user } = renderRoute(
      '/admin/mentoring',
      [
        settings(6, 'no-preference', 0),
        overview(true),
        {
          request: { query: UpdateMentoringSettingsMutation, variables: { input: { fizzleWeeks: 8, crossTeam: 'prefer-other-teams', expectedVersion: 0 } } },
          result: { data: { updateMentoringSettings: { __typename: 'MentoringSettings', fizzleWeeks: 8, crossTeam: 'prefer-other-teams', version: 1 } } },
        },
        settings(8, 'prefer-other-teams', 1),
        {
          request: { query: UpdateMentoringSettingsMutation, variables: { input: { fizzleWeeks: 9, crossTeam: 'prefer-other-teams', expectedVersion: 1 } } },
          result: apiError('The mentoring settings were changed by someone else: reload to see them.', 'CONFLICT'),
        },
        settings(10, 'prefer-other-teams', 2),
      ],
      { viewer: adminViewer },
    );
    const weeks = await screen.findByRole('textbox', { name: /Weeks without a session before a pair is flagged/ }, { timeout: 5000 });
    expect(weeks).toHaveValue('6');
    await user.clear(weeks);
    await user.type(weeks, '30');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Use a whole number of weeks from 1 to 26.')).toBeInTheDocument();
    await user.clear(weeks);
    await user.type(weeks, '8');
    await user.click(screen.getByRole('switch', { name: /Prefer mentors from other teams/ }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Saved: pairs are flagged after 8 weeks without a session.')).toBeInTheDocument();
    await user.clear(weeks);
    await user.type(weeks, '9');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/changed by someone else/)).toBeInTheDocument();
  });
});
