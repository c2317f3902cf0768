// Jest loads global setup outside its module system, so the TypeScript harness is loaded through
// swc's ESM loader (the one `npm run dev` uses).
import '@swc-node/register/esm-register';

export default async function globalSetup() {
  const { startTestServer } = await import('./postgres-server.ts');
  await startTestServer();
}
