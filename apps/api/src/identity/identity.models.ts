import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccessRoleValue } from '../people/people.models.js';
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

@ObjectType({ description: 'A password-reset link an admin can hand over when e-mail is not configured.' })
export class PasswordResetLink {
  @Field() link: string;
  @Field() expiresAt: Date;
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
