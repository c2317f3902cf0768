import { signInNextStep, signInStatus } from './sign-in-status.js';

describe('sign-in status', () => {
  const at = new Date('2026-12-01T10:00:00Z');
  it('tells people with an account by whether they ever signed in', () => {
    expect(signInStatus({ hasAccount: true, lastSignedInAt: at, invitationStatus: 'accepted' })).toBe('signed_in');
    expect(signInStatus({ hasAccount: true, lastSignedInAt: null, invitationStatus: null })).toBe('never_signed_in');
  });

  it('reads the latest invitation of people without one', () => {
    expect(signInStatus({ hasAccount: false, lastSignedInAt: null, invitationStatus: null })).toBe('not_invited');
    expect(signInStatus({ hasAccount: false, lastSignedInAt: null, invitationStatus: 'pending' })).toBe('invited');
    expect(signInStatus({ hasAccount: false, lastSignedInAt: null, invitationStatus: 'expired' })).toBe('invitation_expired');
    expect(signInStatus({ hasAccount: false, lastSignedInAt: null, invitationStatus: 'revoked' })).toBe('not_invited');
  });

  it('offers invite, resend or nothing', () => {
    expect(signInNextStep('not_invited')).toBe('invite');
    expect(signInNextStep('invited')).toBe('resend_invitation');
    expect(signInNextStep('invitation_expired')).toBe('resend_invitation');
    expect(signInNextStep('never_signed_in')).toBe('none');
    expect(signInNextStep('signed_in')).toBe('none');
  });
});
