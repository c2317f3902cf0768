import { z } from 'zod';
import { MAX_JOB_TITLE_LENGTH, MAX_PERSON_NAME_LENGTH } from '../people/people-import.js';
import { emailSchema, singleLineText, TEXT_LIMITS, uuidSchema } from './text.js';

/**
 * The shape of the identity module's inputs (sign-up, sign-in, passwords, invitations). The API
 * checks every call against them before its resolver runs; the rules that need the database (is
 * the address taken, is the password right, is the link still valid) stay with the service.
 */

/** A password as typed: one line, and short enough that hashing it is not a denial of service. */
export const passwordSchema = singleLineText(TEXT_LIMITS.password);
export const tokenSchema = singleLineText(TEXT_LIMITS.token);
const personName = singleLineText(MAX_PERSON_NAME_LENGTH);

export const signUpInputSchema = z.object({
  organisationName: singleLineText(120),
  name: personName,
  email: emailSchema,
  password: passwordSchema,
});

/** Signing in takes any address as typed: a malformed one simply matches no account. */
export const signInInputSchema = z.object({
  email: singleLineText(TEXT_LIMITS.email),
  password: passwordSchema,
});

export const changePasswordInputSchema = z.object({ currentPassword: passwordSchema, newPassword: passwordSchema });

export const resetPasswordInputSchema = z.object({ token: tokenSchema, newPassword: passwordSchema });

export const invitePersonInputSchema = z.object({
  email: emailSchema,
  name: personName,
  accessRole: z.string().nullish(),
  teamId: uuidSchema.nullish(),
  managerId: uuidSchema.nullish(),
  jobTitle: singleLineText(MAX_JOB_TITLE_LENGTH).nullish(),
});

export const acceptInvitationInputSchema = z.object({ token: tokenSchema, password: passwordSchema });

/** `requestPasswordReset(email)`: any address as typed, as for signing in. */
export const resetRequestEmailSchema = singleLineText(TEXT_LIMITS.email);

/** The most people one bulk invitation takes (an import's worth; more in several calls). */
export const MAX_BULK_INVITATIONS = 500;

/**
 * `invitePeople`: invitations for people the organisation already has (imported, or added by an
 * admin) who have no account. Either a list of people or everyone active without an account and
 * without a pending invitation; `resend` replaces pending invitations instead of skipping them.
 */
export const invitePeopleInputSchema = z
  .object({
    personIds: z.array(uuidSchema).max(MAX_BULK_INVITATIONS, `Invite at most ${MAX_BULK_INVITATIONS} people at once.`).nullish(),
    everyoneWithoutAccount: z.boolean().nullish(),
    resend: z.boolean().nullish(),
  })
  .refine((input) => Boolean(input.everyoneWithoutAccount) !== (input.personIds != null), {
    message: 'Name the people to invite, or ask for everyone without an account (not both).',
    path: ['personIds'],
  });

/** An e-mail domain an organisation's single sign-on covers: example.com (lower-case, no @). */
export const emailDomainSchema = z
  .string()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'Not an e-mail domain (such as example.com).');

/** `saveSsoSettings`: an organisation's OpenID Connect provider. The secret may be left out to keep the stored one. */
export const ssoSettingsInputSchema = z.object({
  displayName: singleLineText(80).refine((value) => value.trim().length > 0, 'Name the provider, such as "Acme Google".'),
  issuer: singleLineText(TEXT_LIMITS.url).refine((value) => /^https?:\/\/[^\s]+$/.test(value), 'The issuer is a URL, such as https://accounts.google.com.'),
  clientId: singleLineText(TEXT_LIMITS.token).refine((value) => value.trim().length > 0, 'Enter the client id.'),
  clientSecret: singleLineText(TEXT_LIMITS.token).nullish(),
  domains: z.array(emailDomainSchema).min(1, 'Name at least one e-mail domain.').max(50),
  passwordsAllowed: z.boolean(),
  createPeople: z.boolean(),
  enabled: z.boolean(),
});

/** `singleSignOnFor(email)`: any address as typed. */
export const ssoLookupEmailSchema = singleLineText(TEXT_LIMITS.email);
