import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access } from '../common/access.js';
import { isUuid } from '@trellis/domain';
import { SSO_CALLBACK_PATH, SsoRefusal, SsoService } from './sso.service.js';

/** The browser's legs of single sign-on: off to the provider, and back with its answer. */
@Controller()
export class SsoController {
  constructor(private readonly sso: SsoService) {}

  @Get('/auth/sso/start')
  @Access('public')
  async start(@Query('organisation') organisationId: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    try {
      if (!organisationId || !isUuid(organisationId)) throw new SsoRefusal('This sign-in link is not valid: start again.');
      await reply.redirect((await this.sso.start(organisationId)).href, 302);
    } catch (error) {
      await this.refuse(reply, error);
    }
  }

  @Get(SSO_CALLBACK_PATH)
  @Access('public')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const search = new URL(request.url, 'http://callback.invalid').search;
      await this.sso.callback({ request, reply }, search);
      await reply.redirect('/', 302);
    } catch (error) {
      await this.refuse(reply, error);
    }
  }

  /** Back to the sign-in page, which says why (a refusal's words; anything else as a fault). */
  private async refuse(reply: FastifyReply, error: unknown): Promise<void> {
    if (!(error instanceof SsoRefusal)) throw error;
    await reply.redirect(`/sign-in?sso_error=${encodeURIComponent(error.message)}`, 302);
  }
}
