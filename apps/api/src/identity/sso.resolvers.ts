import { Args, Context, Field, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { ssoLookupEmailSchema, ssoSettingsInputSchema } from '@trellis/domain';
import { Access } from '../common/access.js';
import { ArgSchemas, InputSchema } from '../common/input-validation.js';
import type { RequestContext } from '../graphql/request-context.js';
import type { SsoConnectionEntity } from './identity.entities.js';
import { SSO_START_PATH, SsoService } from './sso.service.js';

@ObjectType({ description: "An organisation's single sign-on (OpenID Connect). The client secret is never returned." })
export class SsoSettings {
  @Field() displayName: string;
  @Field({ description: 'The issuer; its discovery document is at <issuer>/.well-known/openid-configuration.' }) issuer: string;
  @Field() clientId: string;
  @Field({ description: 'True once a client secret is stored (encrypted).' }) hasClientSecret: boolean;
  @Field(() => [String]) domains: string[];
  @Field({ description: 'False: people of these domains sign in only with the provider.' }) passwordsAllowed: boolean;
  @Field({ description: 'Someone of these domains who is not yet a person here joins as an employee on first sign-in.' })
  createPeople: boolean;
  @Field() enabled: boolean;
  @Field({ description: 'The redirect URI to register with the provider.' }) redirectUri: string;
}

@ObjectType({ description: 'A sign-in page offer: "Sign in with <providerName>".' })
export class SingleSignOnOption {
  @Field() providerName: string;
  @Field({ description: 'Where the browser goes to sign in (this server, then the provider).' }) startUrl: string;
}

@InputType()
@InputSchema(ssoSettingsInputSchema)
export class SsoSettingsInput {
  @Field() displayName: string;
  @Field() issuer: string;
  @Field() clientId: string;
  @Field(() => String, { nullable: true, description: 'Leave out to keep the stored secret.' }) clientSecret?: string | null;
  @Field(() => [String]) domains: string[];
  @Field() passwordsAllowed: boolean;
  @Field() createPeople: boolean;
  @Field() enabled: boolean;
}

@Resolver()
export class SsoResolver {
  constructor(private readonly sso: SsoService) {}

  private view(connection: SsoConnectionEntity, publicUrl: string): SsoSettings {
    const { clientSecret, organisationId: _organisation, organisation: _row, updatedAt: _at, ...rest } = connection;
    return { ...rest, hasClientSecret: Boolean(clientSecret), redirectUri: `${publicUrl}/auth/sso/callback` };
  }

  @Query(() => SsoSettings, { nullable: true, description: "The organisation's single sign-on; null when there is none (admins)." })
  @Access('admin')
  async ssoSettings(@Context() context: RequestContext): Promise<SsoSettings | null> {
    const connection = await this.sso.settings(context.organisationId);
    return connection ? this.view(connection, this.sso.publicUrl) : null;
  }

  @Mutation(() => SsoSettings, { description: "Sets the organisation's single sign-on (admins)." })
  @Access('admin')
  async saveSsoSettings(@Args('input') input: SsoSettingsInput, @Context() context: RequestContext): Promise<SsoSettings> {
    const actor = { organisationId: context.organisationId, personId: context.session.personId, request: context.request };
    return this.view(await this.sso.save(actor, input), this.sso.publicUrl);
  }

  @Query(() => SingleSignOnOption, {
    nullable: true,
    description: "The provider that signs in this address's domain, if any. Says nothing about whether the address has an account.",
  })
  @Access('public')
  @ArgSchemas({ email: ssoLookupEmailSchema })
  async singleSignOnFor(@Args('email') email: string): Promise<SingleSignOnOption | null> {
    const provider = await this.sso.providerFor(email);
    return provider ? { providerName: provider.displayName, startUrl: `${SSO_START_PATH}?organisation=${provider.organisationId}` } : null;
  }
}
