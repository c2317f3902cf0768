import { screen, waitFor, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { frameworksList } from '../../test/fixtures';
import { adminViewer, apiError } from '../../test/session';
import { FrameworksQuery } from '../frameworks/FrameworksPage';
import { CreateFrameworkFromImportMutation, FrameworkImportPreviewQueryDocument } from './ImportDialog';

const list = { request: { query: FrameworksQuery }, result: { data: { frameworks: frameworksList } } };
const skills = { name: 'skills.csv', text: 'Skill,Level\nPlanning,1\n' };
const roles = { name: 'roles.csv', text: 'Track,Role,Skill,Expected level\nDelivery,Analyst,Planning,\n' };
const input = { format: null, files: [skills, roles] };

const preview = {
  __typename: 'FrameworkImportPreview',
  format: 'SPREADSHEET',
  detectedFormat: 'SPREADSHEET',
  name: 'Imported framework',
  categoryCount: 1,
  skillCount: 1,
  trackCount: 1,
  roleCount: 1,
  expectationCount: 0,
  canImport: true,
  tracks: [{ __typename: 'FrameworkImportTrack', name: 'Delivery', roleCount: 1 }],
  skills: [
    {
      __typename: 'FrameworkImportSkill',
      name: 'Planning',
      category: 'Skills',
      levels: [{ __typename: 'FrameworkImportLevel', level: 1, name: 'Level 1', hasDescriptor: false }],
    },
  ],
  warnings: [{ __typename: 'ImportWarning', where: 'roles.csv, cell D2', message: "role 'Analyst': competency 'Planning' has no level; left without an expectation" }],
  problems: [],
};

async function openWithFiles(mocks: Parameters<typeof renderRoute>[1]) {
  const rendered = renderRoute('/frameworks', [list, ...mocks], { viewer: adminViewer });
  await rendered.user.click(await screen.findByRole('button', { name: 'Import…' }));
  const dialog = screen.getByRole('dialog', { name: 'Import a framework' });
  const fileInput = rendered.container.ownerDocument.querySelector<HTMLInputElement>('input[type="file"]')!;
  await rendered.user.upload(fileInput, [new File([skills.text], skills.name, { type: 'text/csv' }), new File([roles.text], roles.name, { type: 'text/csv' })]);
  return { ...rendered, dialog };
}

describe('Import a framework', () => {
  it('previews the files with every warning and the skills\' scales, then creates the draft', async () => {
    const { dialog, user, router } = await openWithFiles([
      { request: { query: FrameworkImportPreviewQueryDocument, variables: { input } }, result: { data: { frameworkImportPreview: preview } } },
      {
        request: { query: CreateFrameworkFromImportMutation, variables: { input: { ...input, name: null } } },
        result: { data: { createFrameworkFromImport: { __typename: 'Framework', id: 'fw-new', key: 'imported-framework', name: 'Imported framework' } } },
      },
    ]);
    const warnings = await within(dialog).findByRole('list', { name: 'Warnings' });
    expect(within(warnings).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      "roles.csv, cell D2: role 'Analyst': competency 'Planning' has no level; left without an expectation",
    ]);
    expect(within(dialog).getByRole('table')).toHaveTextContent('1 Level 1 (no descriptor)');
    expect(within(dialog).getByText('Detected: Spreadsheet (.xlsx, or two CSV files)')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Create draft' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/frameworks/fw-new/edit'));
  });

  it('says where files cannot be read, and offers nothing to create', async () => {
    const problems = [{ path: '', where: 'skills.csv, line 2', message: 'not valid CSV: a quoted field is never closed (a " is missing)' }];
    const { dialog } = await openWithFiles([
      { request: { query: FrameworkImportPreviewQueryDocument, variables: { input } }, result: apiError('The files could not be read as a spreadsheet: …', 'BAD_USER_INPUT', { problems }) },
    ]);
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The files could not be read');
    expect(within(alert).getByRole('listitem')).toHaveTextContent('skills.csv, line 2: not valid CSV: a quoted field is never closed (a " is missing)');
    expect(within(dialog).getByRole('button', { name: 'Create draft' })).toBeDisabled();
  });
});
