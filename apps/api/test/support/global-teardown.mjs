import '@swc-node/register/esm-register';

export default async function globalTeardown() {
  const { stopTestServer } = await import('./postgres-server.ts');
  await stopTestServer();
}
