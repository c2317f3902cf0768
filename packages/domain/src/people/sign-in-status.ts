/**
 * Where a person stands on signing in, as an admin sees it on their page and in the people list, and
 * the one next step that fits. Imported people exist without an account: they need an invitation.
 */
export type SignInStatus = 'not_invited' | 'invited' | 'invitation_expired' | 'never_signed_in' | 'signed_in';
export type SignInNextStep = 'invite' | 'resend_invitation' | 'none';

export interface SignInFactsInput {
  hasAccount: boolean;
  lastSignedInAt: Date | null;
  /** The status of the person's latest invitation, if any. */
  invitationStatus: 'pending' | 'expired' | 'revoked' | 'accepted' | null;
}

export function signInStatus(facts: SignInFactsInput): SignInStatus {
  if (facts.hasAccount) return facts.lastSignedInAt ? 'signed_in' : 'never_signed_in';
  switch (facts.invitationStatus) {
    case 'pending':
      return 'invited';
    case 'expired':
      return 'invitation_expired';
    // Accepted elsewhere but no account here cannot happen; a revoked one means "not invited" now.
    case 'accepted':
    case 'revoked':
    case null:
      return 'not_invited';
  }
}

/**
 * The admin's next step: invite someone without an account who has no live invitation, offer to
 * resend a pending or expired one, nothing once there is an account (a forgotten password is the
 * person's own "Forgot your password?", or the admin's reset).
 */
export function signInNextStep(status: SignInStatus): SignInNextStep {
  switch (status) {
    case 'not_invited':
      return 'invite';
    case 'invited':
    case 'invitation_expired':
      return 'resend_invitation';
    case 'never_signed_in':
    case 'signed_in':
      return 'none';
  }
}
