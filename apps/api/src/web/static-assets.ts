import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

/** A year: hashed assets never change under their name, so browsers and proxies may keep them. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, favicon) is revalidated each time, so a new build shows at once. */
export const REVALIDATE_CACHE = 'no-cache';

/**
 * Vite names every file it writes to `assets/` after its content hash; nothing else in the build is
 * hashed. (`filePath` may be a pre-compressed sibling: `assets/index-abc.js.br`.)
 */
export function isHashedAsset(root: string, filePath: string): boolean {
  const relative = path.relative(root, filePath).split(path.sep).join('/');
  return relative.startsWith('assets/');
}

/**
 * Serves the web app Vite built: the build writes a brotli and a gzip copy beside each text file
 * (apps/web/vite.config.ts), which @fastify/static sends when the browser's Accept-Encoding allows
 * (`Vary: Accept-Encoding`), so no CPU is spent compressing per request. Hashed assets are cached for a
 * year, `immutable`; the rest (and index.html, see WebAppController) must be revalidated.
 */
export function serveWebApp(app: NestFastifyApplication, root: string): void {
  app.useStaticAssets({
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    // @fastify/static passes its Fastify reply (Nest's type for it names a `setHeader` the reply does not have).
    setHeaders: (response: unknown, filePath: string) => {
      (response as FastifyReply).header('cache-control', isHashedAsset(root, filePath) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
    },
  });
}
