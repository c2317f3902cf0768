import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';

const brotli = promisify(brotliCompress);
const GENERATED = fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url));
const gzipAsync = promisify(gzip);

/**
 * What the codegen client preset's babel/swc plugin does, for Vite: each `graphql(\`query X ...\`)` call becomes
 * that one document (`XDocument`, or `XFragmentDoc` for a fragment, as src/gql/graphql.ts has it, its fragments
 * included) written in place, so a page's chunk carries only its own operations instead of gql.ts's map of
 * every operation in the app (which nothing then imports). Types are unchanged: TypeScript still sees the
 * graphql() call. A call holding several definitions fails the build (gql.ts's map would answer it and land in
 * the chunk: DiffView's two fragments once did): give each fragment its own call.
 *
 * A document the generated file does not have means codegen was not re-run after a query changed (or after a
 * merge): gql.ts's graphql() would then answer `{}` and Apollo throw "Invariant Violation ... 1" in the browser,
 * with the page blank. So the build fails, naming the document and the file; the dev server warns instead (so a
 * query can be edited before codegen runs) and re-reads the generated file whenever codegen rewrites it.
 */
function gqlDocuments(): Plugin {
  let documents: Map<string, string> | null = null;
  let building = false;
  const definition = /^\s*(query|mutation|subscription|fragment)\s+([A-Za-z_][A-Za-z0-9_]*)/;
  return {
    name: 'trellis-gql-documents',
    enforce: 'pre',
    configResolved(config) {
      building = config.command === 'build';
    },
    watchChange(id) {
      if (path.resolve(id.split('?')[0] ?? id) === GENERATED) documents = null;
    },
    handleHotUpdate({ file }) {
      if (path.resolve(file) === GENERATED) documents = null;
    },
    async transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!/[\\/]src[\\/].*\.tsx?$/.test(file) || /[\\/]src[\\/]gql[\\/]/.test(file) || !code.includes('graphql(`')) return null;
      documents ??= new Map(
        [...(await readFile(GENERATED, 'utf8')).matchAll(/^export const (\w+) = (\{"kind":"Document".*\}) as unknown as DocumentNode<.*>;$/gm)].map(
          (match) => [match[1] ?? '', match[2] ?? ''],
        ),
      );
      let changed = false;
      const missing: string[] = [];
      const several: string[] = [];
      const transformed = code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (call, source: string) => {
        const match = definition.exec(source);
        // One definition per call (the codegen names the document after it). A call with several would be answered
        // by gql.ts's map of every operation, which would then land in this chunk: refused (split the call).
        const definitions = (source.match(/^\s*(query|mutation|subscription|fragment)\b/gm) ?? []).length;
        if (definitions > 1) {
          several.push(match?.[2] ?? 'a graphql() call');
          return call;
        }
        if (!match) return call;
        const name = match[1] === 'fragment' ? `${match[2]}FragmentDoc` : `${match[2]}Document`;
        const document = documents?.get(name);
        if (!document) {
          missing.push(name);
          return call;
        }
        changed = true;
        return `(${document})`;
      });
      if (several.length > 0) {
        const message = `${file}: ${several.join(', ')}: one definition per graphql() call (a call with several pulls gql.ts's map of every operation into the chunk)`;
        if (building) this.error(message);
        this.warn(message);
      }
      if (missing.length > 0) {
        const message = `${file}: ${missing.join(', ')} not in src/gql/graphql.ts: run \`npm run codegen\` at the root (after \`npm run build\` and the API's \`npm run schema\`)`;
        if (building) this.error(message);
        this.warn(message);
      }
      return changed ? { code: transformed, map: null } : null;
    },
  };
}

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the build, which the API's
 * @fastify/static sends when the browser accepts it (preCompressed): compressed once, at the best
 * levels, instead of on every request. Files under 1 KiB gain nothing and are left alone.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'trellis-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && /\.(js|css|html|svg|json)$/.test(entry.name))
        .map((entry) => path.join(entry.parentPath, entry.name));
      await Promise.all(
        files.map(async (file) => {
          const content = await readFile(file);
          if (content.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(content, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
            gzipAsync(content, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

// 127.0.0.1: what the API listens on by default outside production (HOST).
const apiTarget = process.env.TRELLIS_API_URL ?? 'http://127.0.0.1:4000';

/**
 * The API accepts a subscription WebSocket only from its own Origin. A page this dev server served is the
 * app: its upgrade is restated as coming from the API's origin; any other Origin passes as is (and is refused).
 */
const liveOrigin: ProxyOptions['configure'] = (proxy) => {
  proxy.on('proxyReqWs', (proxyReq, req) => {
    const origin = req.headers.origin;
    if (origin && new URL(origin).host === req.headers.host) proxyReq.setHeader('origin', new URL(apiTarget).origin);
  });
};

export default defineConfig({
  plugins: [gqlDocuments(), react(), precompress()],
  resolve: {
    alias: {
      // The web only ever needs the domain package's types and pure rules: read its sources directly
      // so the web never waits for the package to be built.
      '@trellis/domain': fileURLToPath(new URL('../../packages/domain/src/index.ts', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: true, ws: true, configure: liveOrigin },
      '/health': { target: apiTarget, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: true, ws: true, configure: liveOrigin },
      '/health': { target: apiTarget, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Long-lived vendor chunks: they change far less often than the app code. Mantine has no group of its own:
            // the parts every page needs land in the entry chunk and the rest in chunks shared by the pages using them
            // (one Mantine chunk would put every popover, menu and combobox on the sign-in page).
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@remix-run|cookie-es)[\\/]/, priority: 30 },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|graphql-tag|@graphql-typed-document-node)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
