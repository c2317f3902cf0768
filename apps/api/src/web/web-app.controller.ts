/// <reference types="@fastify/static" />
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access } from '../common/access.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/**
 * Serves the web app's index.html for client-side routes (/frameworks/..., /roles/...);
 * the built files themselves are served by @fastify/static (see static-assets.ts). index.html
 * names the hashed assets of the current build, so it is never cached without revalidation.
 */
@Controller()
export class WebAppController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('*')
  @Access('public')
  async index(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const looksLikeAFile = path.extname(request.url.split('?')[0] ?? '') !== '';
    if (looksLikeAFile || !existsSync(path.join(this.config.WEB_DIST_DIR, 'index.html'))) {
      throw new NotFoundException(`Nothing at ${request.url}`);
    }
    await reply.header('cache-control', 'no-cache').sendFile('index.html', this.config.WEB_DIST_DIR);
  }
}
