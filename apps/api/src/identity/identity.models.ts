import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccessRoleValue, Viewer } from '../people/people.models.js';
import {
  acceptInvitationInputSchema,
  changePasswordInputSchema,
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
