import { stopServer } from './app-server';

/** SIGINT to the app (it stops its embedded PostgreSQL), then removes its temporary data directory. */
export default async function globalTeardown(): Promise<void> {
  await stopServer();
}
