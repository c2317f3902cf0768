import { startServer } from './app-server';

/** Starts the built app once for the whole browser suite (see app-server.ts). */
export default async function globalSetup(): Promise<void> {
  await startServer();
}
