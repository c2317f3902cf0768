/**
 * Jest transformer for ESM-only packages in node_modules (react-router 8 and friends): SWC compiles them to
 * CommonJS like our sources, after `import.meta` (invalid in CommonJS) is replaced by a module-local object with a
 * `url`. Browser builds never use this; Vite handles ESM natively.
 */
const { createTransformer: createSwcTransformer } = require('@swc/jest');

const IMPORT_META = /\bimport\.meta\b/g;
const rewrite = (src) =>
  IMPORT_META.test(src) ? src.replace(IMPORT_META, '({ url: require("node:url").pathToFileURL(__filename).href })') : src;

module.exports = {
  createTransformer(options) {
    const swc = createSwcTransformer(options);
    return {
      ...swc,
      process: (src, filename, jestOptions) => swc.process(rewrite(src), filename, jestOptions),
      getCacheKey: (src, filename, ...rest) => `${swc.getCacheKey(src, filename, ...rest)}:import-meta-1`,
    };
  },
};
