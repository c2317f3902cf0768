import { screen, waitFor, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer, employeeViewer } from '../../test/session';
import { DismissGettingStartedMutation, GettingStartedQuery } from './GettingStartedPage';

const item = (key: string, title: string, href: string, done: boolean) => ({
  __typename: 'GettingStartedItem',
  key,
  title,
  description: `About ${title}.`,
  done,
  href,
});
const checklist = (dismissed: boolean, complete = false) => ({
  __typename: 'GettingStarted',
  complete,
  dismissed,
  items: [
    item('review-framework', 'Review your framework', '/frameworks/fw/edit', true),
    item('add-people', 'Bring your people in', '/admin/import', complete),
    item('invite-people', 'Invite them', '/admin/people', complete),
  ],
});

describe('Getting started', () => {
  it('shows an admin the steps ticked from the data, each a link, and puts the list away with Undo', async () => {
    const { user } = renderRoute(
      '/admin/getting-started',
      [
        { request: { query: GettingStartedQuery }, result: { data: { gettingStarted: checklist(false) } } },
        { request: { query: DismissGettingStartedMutation, variables: { dismissed: true } }, result: { data: { dismissGettingStarted: checklist(true) } } },
        { request: { query: DismissGettingStartedMutation, variables: { dismissed: false } }, result: { data: { dismissGettingStarted: checklist(false) } } },
      ],
      { viewer: adminViewer },
    );
    expect(await screen.findByText('1 of 3 done')).toBeInTheDocument();
    const steps = screen.getByRole('list', { name: 'Steps' });
    expect(within(steps).getByRole('link', { name: 'Bring your people in' })).toHaveAttribute('href', '/admin/import');
    expect(within(steps).getAllByText('Done')).toHaveLength(1);
    expect(within(steps).getByText('Next')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Put the checklist away' }));
    const notifications = screen.getByRole('region', { name: 'Notifications' });
    await waitFor(() => expect(notifications).toHaveTextContent('The checklist is put away.'));
    expect(await screen.findByRole('button', { name: 'Show it on the home page again' })).toBeInTheDocument();
    await user.click(within(notifications).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: 'Put the checklist away' })).toBeInTheDocument();
  });

  it('opens "/" on the checklist for an admin with steps left, and on their own pages for an employee', async () => {
    const admin = renderRoute('/', [{ request: { query: GettingStartedQuery }, result: { data: { gettingStarted: checklist(false) } } }], {
      viewer: adminViewer,
    });
    await waitFor(() => expect(admin.router.state.location.pathname).toBe('/admin/getting-started'));
    admin.unmount();

    const done = renderRoute('/', [{ request: { query: GettingStartedQuery }, result: { data: { gettingStarted: checklist(false, true) } } }], {
      viewer: adminViewer,
    });
    await waitFor(() => expect(done.router.state.location.pathname).toBe('/frameworks'));
    done.unmount();

    const employee = renderRoute('/', [], { viewer: employeeViewer });
    await waitFor(() => expect(employee.router.state.location.pathname).toBe('/my-career'));
  });
});
