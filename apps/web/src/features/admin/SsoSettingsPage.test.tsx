import { screen, waitFor } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer } from '../../test/session';
import { SaveSsoSettingsMutation, SsoSettingsQuery } from './SsoSettingsPage';

const saved = {
  __typename: 'SsoSettings',
  displayName: 'Acme ID',
  issuer: 'https://id.acme.test',
  clientId: 'trellis',
  hasClientSecret: true,
  domains: ['acme.test', 'acme.co.uk'],
  passwordsAllowed: false,
  createPeople: true,
  enabled: true,
  redirectUri: 'https://trellis.acme.test/auth/sso/callback',
};
const empty = { data: { ssoSettings: null, linkSettings: { __typename: 'LinkSettings', publicUrl: 'https://trellis.acme.test' } } };

describe('Admin: single sign-on', () => {
  it('shows the redirect URI to register, and saves the provider (the secret is sent, never shown back)', async () => {
    const { user } = renderRoute(
      '/admin/single-sign-on',
      [
        { request: { query: SsoSettingsQuery }, result: empty },
        {
          request: {
            query: SaveSsoSettingsMutation,
            variables: {
              input: {
                displayName: 'Acme ID',
                issuer: 'https://id.acme.test',
                clientId: 'trellis',
                clientSecret: 'a-client-secret',
                domains: ['acme.test', 'acme.co.uk'],
                passwordsAllowed: false,
                createPeople: true,
                enabled: true,
              },
            },
          },
          result: { data: { saveSsoSettings: saved } },
        },
        { request: { query: SsoSettingsQuery }, result: { data: { ...empty.data, ssoSettings: saved } } },
      ],
      { viewer: adminViewer },
    );
    expect(await screen.findByText('https://trellis.acme.test/auth/sso/callback')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /Provider name/ }), 'Acme ID');
    await user.type(screen.getByRole('textbox', { name: /Issuer URL/ }), 'https://id.acme.test');
    await user.type(screen.getByRole('textbox', { name: /Client ID/ }), 'trellis');
    await user.type(screen.getByLabelText(/^Client secret/), 'a-client-secret');
    await user.type(screen.getByRole('textbox', { name: /E-mail domains/ }), 'acme.test, acme.co.uk');
    await user.click(screen.getByRole('checkbox', { name: /Passwords stay allowed/ }));
    await user.click(screen.getByRole('checkbox', { name: /Add people who are not here yet/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const notifications = screen.getByRole('region', { name: 'Notifications' });
    await waitFor(() => expect(notifications).toHaveTextContent('Single sign-on is saved.'));
    expect(screen.getByLabelText(/^Client secret/)).toHaveValue('');
  });
});
