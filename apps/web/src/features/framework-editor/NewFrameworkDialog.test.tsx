import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { frameworksList } from '../../test/fixtures';
import { adminViewer, apiError } from '../../test/session';
import { FrameworksQuery } from '../frameworks/FrameworksPage';
import { FrameworkEditorQuery } from './FrameworkEditorPage';
import { CreateFrameworkMutation } from './NewFrameworkDialog';

const list = { request: { query: FrameworksQuery }, result: { data: { frameworks: frameworksList } } };

describe('New framework', () => {
  it('is offered to admins only', async () => {
    renderRoute('/frameworks', [list]);
    await screen.findByRole('link', { name: 'PMO career framework' });
    expect(screen.queryByRole('button', { name: 'New framework' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Edit PMO career framework' })).not.toBeInTheDocument();
  });

  it('lists every problem the API found in an imported file, with its path', async () => {
    const json = '{"schemaVersion":"1"}';
    const problems = [
      { path: 'roles[3].expectations.risk-management', message: "level 7 is above the scale's maximum 5" },
      { path: 'skills[1].categoryKey', message: 'unknown skill category "missing"' },
    ];
    const { user, container } = renderRoute(
      '/frameworks',
      [
        list,
        {
          request: { query: CreateFrameworkMutation, variables: { input: { source: 'IMPORT', json } } },
          result: apiError('The document was not imported: …', 'BAD_USER_INPUT', { problems }),
        },
      ],
      { viewer: adminViewer },
    );
    await user.click(await screen.findByRole('button', { name: 'New framework' }));
    const dialog = screen.getByRole('dialog', { name: 'New framework' });
    await user.click(within(dialog).getByRole('radio', { name: /Import a JSON file/ }));
    const input = container.ownerDocument.querySelector<HTMLInputElement>('input[type="file"]')!;
    await user.upload(input, new File([json], 'framework.json', { type: 'application/json' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create and edit' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The file was not imported: it has 2 problems.');
    const items = within(within(alert).getByRole('list', { name: 'Problems in the file' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      "roles[3].expectations.risk-management: level 7 is above the scale's maximum 5",
      'skills[1].categoryKey: unknown skill category "missing"',
    ]);
  });

  it('creates from the PMO template and opens its editor', async () => {
    const { user, router } = renderRoute(
      '/frameworks',
      [
        list,
        {
          request: { query: CreateFrameworkMutation, variables: { input: { source: 'TEMPLATE', name: 'Our ladder' } } },
          result: { data: { createFramework: { __typename: 'Framework', id: 'fw-new', key: 'our-ladder', name: 'Our ladder' } } },
        },
        list,
        {
          request: { query: FrameworkEditorQuery, variables: { id: 'fw-new' } },
          result: { data: { framework: { __typename: 'Framework', id: 'fw-new', name: 'Our ladder', currentVersion: null, draft: null } } },
        },
      ],
      { viewer: adminViewer },
    );
    await user.click(await screen.findByRole('button', { name: 'New framework' }));
    const dialog = screen.getByRole('dialog', { name: 'New framework' });
    await user.click(within(dialog).getByRole('button', { name: 'Create and edit' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Give the framework a name.');
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Our ladder');
    await user.click(within(dialog).getByRole('button', { name: 'Create and edit' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Edit Our ladder' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/frameworks/fw-new/edit');
  });
});
