import { Inject, ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../common/access.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { PublicContext, RequestContext } from '../graphql/request-context.js';
import { Person, Viewer } from '../people/people.models.js';
import type { InvitationEntity } from './identity.entities.js';
import {
  AcceptInvitationInput,
  ChangePasswordInput,
  CreatedInvitation,
  Invitation,
  InvitationPreview,
  InvitationStatusValue,
  InvitePeopleInput,
  InvitePeopleResult,
  InvitePersonInput,
  LinkSettings,
  PersonSignIn,
  SignInNextStepValue,
  SignInStatusValue,
  PasswordReset,
  ResetPasswordInput,
  SignInInput,
  SignUpInput,
  SignUpOutcome,
} from './identity.models.js';
import { IdentityService, invitationStatus } from './identity.service.js';
import { isLoopbackUrl, resetRequestEmailSchema, signInNextStep, signInStatus, tokenSchema } from '@trellis/domain';
import { BulkInvitationsService } from './bulk-invitations.service.js';
import { Mailer } from './mailer.js';
import { SsoResolver } from './sso.resolvers.js';
import { ArgSchemas } from '../common/input-validation.js';
import { PasswordResetsService } from './password-resets.service.js';
import { SignUpService } from './sign-up.service.js';

const actorOf = (context: RequestContext) => ({
  organisationId: context.organisationId,
  personId: context.session.personId,
  request: context.request,
});

/** Signing in returns the viewer; its fields resolve once the new session's loaders exist. */
async function viewerAfterSignIn(context: PublicContext, signedIn: { organisationId: string; personId: string }) {
  await context.adoptSession(signedIn.organisationId, signedIn.personId);
  return new Viewer();
}

@Resolver()
export class IdentityResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly signUps: SignUpService,
    private readonly resets: PasswordResetsService,
    private readonly bulk: BulkInvitationsService,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => SignUpOutcome, {
    description: 'Creates an organisation with its first admin, or (when e-mail is configured) e-mails a link that does; never says whether the address has an account.',
  })
  @Access('public')
  async signUp(@Args('input') input: SignUpInput, @Context() context: PublicContext): Promise<SignUpOutcome> {
    const outcome = await this.signUps.signUp(context, input);
    if ('signedIn' in outcome) return { viewer: await viewerAfterSignIn(context, outcome.signedIn), confirmationEmailed: false };
    return { viewer: null, confirmationEmailed: true };
  }

  @Mutation(() => Viewer, { description: "Opens a sign-up's e-mailed link: creates the organisation and signs its admin in." })
  @Access('public')
  @ArgSchemas({ token: tokenSchema })
  async confirmSignUp(@Args('token') token: string, @Context() context: PublicContext) {
    return viewerAfterSignIn(context, await this.signUps.confirmSignUp(context, token));
  }

  @Mutation(() => Viewer)
  @Access('public')
  async signIn(@Args('input') input: SignInInput, @Context() context: PublicContext) {
    return viewerAfterSignIn(context, await this.identity.signIn(context, input));
  }

  @Mutation(() => Boolean)
  @Access('signedIn')
  async signOut(@Context() context: RequestContext) {
    await this.identity.signOut(context, context.organisationId, context.session.sessionId);
    return true;
  }

  @Mutation(() => Boolean)
  @Access('signedIn')
  async changePassword(@Args('input') input: ChangePasswordInput, @Context() context: RequestContext) {
    await this.identity.changePassword(context, { ...actorOf(context), sessionId: context.session.sessionId }, input);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Always answers true, so it does not reveal which addresses have accounts.' })
  @Access('public')
  @ArgSchemas({ email: resetRequestEmailSchema })
  async requestPasswordReset(@Args('email') email: string, @Context() context: PublicContext) {
    await this.resets.requestPasswordReset(context, email);
    return true;
  }

  @Mutation(() => Boolean)
  @Access('public')
  async resetPassword(@Args('input') input: ResetPasswordInput, @Context() context: PublicContext) {
    await this.resets.resetPassword(context, input);
    return true;
  }

  @Mutation(() => PasswordReset, {
    description:
      "Resets a person's password: e-mails a link to their own address, or, without e-mail, returns it for an account that belongs to this organisation alone.",
  })
  @Access('admin')
  createPasswordReset(@Args('personId', { type: () => ID }, ParseUUIDPipe) personId: string, @Context() context: RequestContext) {
    return this.resets.createPasswordReset(actorOf(context), personId);
  }

  @Mutation(() => CreatedInvitation)
  @Access('admin')
  invitePerson(@Args('input') input: InvitePersonInput, @Context() context: RequestContext) {
    return this.identity.invite(actorOf(context), input);
  }

  @Mutation(() => InvitePeopleResult, {
    description:
      'Invites people the organisation already has and who have no account (a selection, or everyone), in one action: all or nothing, ' +
      'people with a pending invitation skipped unless resend. Links are e-mailed when SMTP is configured and returned for handing over.',
  })
  @Access('admin')
  async invitePeople(@Args('input') input: InvitePeopleInput, @Context() context: RequestContext): Promise<InvitePeopleResult> {
    const outcome = await this.bulk.invitePeople(actorOf(context), input);
    const people = context.loaders.people.person;
    return {
      invited: await Promise.all(
        outcome.invited.map(async (one) => ({ person: await people.load(one.personId), invitation: one.invitation as never, link: one.link, emailed: one.emailed })),
      ),
      alreadyInvited: await Promise.all(outcome.alreadyInvitedIds.map((id) => people.load(id))),
      emailConfigured: outcome.emailConfigured,
    };
  }

  @Query(() => LinkSettings, { description: 'Where invitation and reset links point, and whether e-mail is sent (admins).' })
  @Access('admin')
  linkSettings(): LinkSettings {
    return { publicUrl: this.config.PUBLIC_URL, loopback: isLoopbackUrl(this.config.PUBLIC_URL), emailConfigured: this.mailer.configured };
  }

  @Mutation(() => Invitation)
  @Access('admin')
  revokeInvitation(@Args('id', { type: () => ID }, ParseUUIDPipe) id: string, @Context() context: RequestContext) {
    return this.identity.revokeInvitation(actorOf(context), id);
  }

  @Mutation(() => Viewer)
  @Access('public')
  async acceptInvitation(@Args('input') input: AcceptInvitationInput, @Context() context: PublicContext) {
    return viewerAfterSignIn(context, await this.identity.acceptInvitation(context, input));
  }

  @Query(() => InvitationPreview, {
    nullable: true,
    description: 'What an invitation link shows before sign-up; null when it is unknown, used, revoked or expired.',
  })
  @Access('public')
  @ArgSchemas({ token: tokenSchema })
  invitation(@Args('token') token: string) {
    return this.identity.previewInvitation(token);
  }

  @Query(() => [Invitation])
  @Access('admin')
  invitations(@Context() context: RequestContext) {
    return this.identity.listInvitations(context.organisationId);
  }
}

@Resolver(() => Invitation)
export class InvitationResolver {
  @ResolveField(() => InvitationStatusValue)
  status(@Parent() invitation: InvitationEntity) {
    return invitationStatus(invitation);
  }

  @ResolveField(() => Person, { nullable: true })
  invitedBy(@Parent() invitation: InvitationEntity, @Context() context: RequestContext) {
    return invitation.invitedById ? context.loaders.people.person.load(invitation.invitedById) : null;
  }
}

@Resolver(() => Person)
export class PersonSignInResolver {
  @ResolveField(() => PersonSignIn, { nullable: true, description: 'Whether they can sign in and have, and the next step; null unless an admin asks.' })
  async signIn(@Parent() person: { id: string; email: string; accountId: string | null }, @Context() context: RequestContext): Promise<PersonSignIn | null> {
    if (context.session.accessRole !== 'admin') return null;
    const facts = await context.loaders.identity.signIn.load({ personId: person.id, email: person.email });
    const status = signInStatus({ hasAccount: person.accountId !== null, ...facts });
    return {
      status: status as SignInStatusValue,
      nextStep: signInNextStep(status) as SignInNextStepValue,
      hasAccount: person.accountId !== null,
      lastSignedInAt: facts.lastSignedInAt,
      invitedAt: facts.invitedAt,
      invitationExpiresAt: facts.invitationExpiresAt,
    };
  }
}

export const identityResolvers = [IdentityResolver, InvitationResolver, PersonSignInResolver, SsoResolver];
