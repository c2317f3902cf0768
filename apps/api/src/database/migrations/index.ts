import { Foundation1795628839576 } from './1795628839576-Foundation.js';

/** Every migration, in order. New migrations are appended here (see docs/ARCHITECTURE.md). */
export const migrations = [Foundation1795628839576];
