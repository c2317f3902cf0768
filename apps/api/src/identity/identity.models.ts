import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccessRoleValue, Person, Viewer } from '../people/people.models.js';
import {
  acceptInvitationInputSchema,
  changePasswordInputSchema,
  invitePeopleInputSchema,
  invitePersonInputSchema,
  resetPasswordInputSchema,
  signInInputSchema,
  signUpInputSchema,
} from '@trellis/domain';
import { InputSchema } from '../common/input-validation.js';

export enum InvitationStatusValue {
  PENDING = 'pending',
  ACCEPTED = 'accepted',
  EXPIRED = 'expired',
  REVOKED = 'revoked',
}
registerEnumType(InvitationStatusValue, { name: 'InvitationStatus' });

@ObjectType()
export class Invitation {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() name: string;
  @Field(() => AccessRoleValue) accessRole: AccessRoleValue;
  @Field() expiresAt: Date;
  @Field() createdAt: Date;
}

@ObjectType({ description: 'A new invitation and the link that accepts it (shown once: only a hash of it is stored).' })
export class CreatedInvitation {
  @Field(() => Invitation) invitation: Invitation;
  @Field() link: string;
  @Field({ description: 'True when the link was also e-mailed (SMTP is configured).' }) emailed: boolean;
}

@ObjectType({ description: 'What an invitation link shows before it is accepted.' })
export class InvitationPreview {
  @Field() email: string;
  @Field() name: string;
  @Field() organisationName: string;
  @Field() expiresAt: Date;
}

@ObjectType({
  description:
    "An admin's password reset for a person. With e-mail configured the link goes to the person's own address and is never shown; " +
    'without it the link is shown, for an account that belongs to this organisation alone.',
})
export class PasswordReset {
  @Field({ description: "True when the link was e-mailed to the person's own address." }) emailed: boolean;
  @Field(() => String, { nullable: true, description: 'The link to hand over (only when e-mail is not configured).' }) link: string | null;
  @Field() expiresAt: Date;
}

@ObjectType({ description: 'What signing up did: signed in at once, or e-mailed a link that finishes it.' })
export class SignUpOutcome {
  @Field(() => Viewer, {
    nullable: true,
    description: "The new organisation's admin, signed in: only when e-mail is not configured (nothing can be confirmed then).",
  })
  viewer: Viewer | null;

  @Field({
    description:
      'True when an e-mail went to the address instead: a link that creates the organisation, or, when the address already has ' +
      'an account, a note saying so. The answer is the same either way.',
  })
  confirmationEmailed: boolean;
}

@InputType()
@InputSchema(signUpInputSchema)
export class SignUpInput {
  @Field() organisationName: string;
  @Field() name: string;
  @Field() email: string;
  @Field() password: string;
}

@InputType()
@InputSchema(signInInputSchema)
export class SignInInput {
  @Field() email: string;
  @Field() password: string;
}

@InputType()
@InputSchema(changePasswordInputSchema)
export class ChangePasswordInput {
  @Field() currentPassword: string;
  @Field() newPassword: string;
}

@InputType()
@InputSchema(resetPasswordInputSchema)
export class ResetPasswordInput {
  @Field() token: string;
  @Field() newPassword: string;
}

@InputType()
@InputSchema(invitePersonInputSchema)
export class InvitePersonInput {
  @Field() email: string;
  @Field() name: string;
  // Nullable with a default, not non-null with a default: graphql-jit (compiled queries) does not
  // apply the default of an omitted non-null input field and refuses the call instead.
  @Field(() => AccessRoleValue, { nullable: true, defaultValue: AccessRoleValue.EMPLOYEE }) accessRole?: AccessRoleValue | null;
  @Field(() => ID, { nullable: true }) teamId?: string | null;
  @Field(() => ID, { nullable: true }) managerId?: string | null;
  @Field(() => String, { nullable: true }) jobTitle?: string | null;
}

@InputType()
@InputSchema(acceptInvitationInputSchema)
export class AcceptInvitationInput {
  @Field() token: string;
  @Field() password: string;
}

@InputType({ description: 'People to invite: a list, or everyone active without an account and without a pending invitation.' })
@InputSchema(invitePeopleInputSchema)
export class InvitePeopleInput {
  @Field(() => [ID], { nullable: true }) personIds?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Everyone active who has no account (and, unless resend, no pending invitation).' })
  everyoneWithoutAccount?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Replace pending invitations with new ones (their old links stop working) instead of skipping them.' })
  resend?: boolean | null;
}

@ObjectType({ description: 'One invitation of a bulk invitation, with its link (shown once: only a hash of it is stored).' })
export class BulkInvitationLink {
  @Field(() => Person) person: unknown;
  @Field(() => Invitation) invitation: Invitation;
  @Field() link: string;
  @Field({ description: 'True when the link was e-mailed (SMTP configured and the address not over its hourly limit).' }) emailed: boolean;
}

@ObjectType({ description: 'What a bulk invitation did.' })
export class InvitePeopleResult {
  @Field(() => [BulkInvitationLink]) invited: BulkInvitationLink[];
  @Field(() => [Person], { description: 'Skipped: they already have a pending invitation (ask again with resend to replace it).' })
  alreadyInvited: unknown[];
  @Field({ description: 'True when this server sends e-mail (SMTP_URL); otherwise hand the links over yourself.' }) emailConfigured: boolean;
}

export enum SignInStatusValue {
  NOT_INVITED = 'not_invited',
  INVITED = 'invited',
  INVITATION_EXPIRED = 'invitation_expired',
  NEVER_SIGNED_IN = 'never_signed_in',
  SIGNED_IN = 'signed_in',
}
registerEnumType(SignInStatusValue, { name: 'SignInStatus' });

export enum SignInNextStepValue {
  INVITE = 'invite',
  RESEND_INVITATION = 'resend_invitation',
  NONE = 'none',
}
registerEnumType(SignInNextStepValue, { name: 'SignInNextStep' });

@ObjectType({ description: "Whether a person can sign in and has, and the admin's next step (admins only)." })
export class PersonSignIn {
  @Field(() => SignInStatusValue) status: SignInStatusValue;
  @Field(() => SignInNextStepValue) nextStep: SignInNextStepValue;
  @Field() hasAccount: boolean;
  @Field(() => Date, { nullable: true }) lastSignedInAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the latest invitation was sent.' }) invitedAt: Date | null;
  @Field(() => Date, { nullable: true }) invitationExpiresAt: Date | null;
}

@ObjectType({ description: 'Where the links Trellis hands out (invitations, resets) point (admins).' })
export class LinkSettings {
  @Field({ description: 'PUBLIC_URL: every link starts with it.' }) publicUrl: string;
  @Field({ description: 'True when it names this computer (localhost, 127.0.0.1, ::1): links work only on the server itself.' })
  loopback: boolean;
  @Field({ description: 'True when this server sends e-mail (SMTP_URL).' }) emailConfigured: boolean;
}
