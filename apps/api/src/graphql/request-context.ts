import type { FrameworkLoaders } from '../frameworks/framework.loaders.js';

/** What every resolver gets for the request it serves: who it acts for and the request's loaders. */
export interface RequestContext {
  organisationId: string;
  loaders: FrameworkLoaders;
}
