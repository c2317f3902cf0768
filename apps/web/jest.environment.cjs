/**
 * jsdom, plus the web platform APIs that jsdom does not implement but Node does. They are lent from Node to the
 * test window so modules see them as globals, as they would in a browser:
 * - fetch's Request/Response/Headers: React Router 8 builds a Request for every navigation;
 * - TextEncoder/TextDecoder: touched by react-router when it loads;
 * - structuredClone: used by React Flow.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

const LENT_FROM_NODE = [
  'fetch',
  'Request',
  'Response',
  'Headers',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'TextEncoder',
  'TextDecoder',
  'structuredClone',
];

class TrellisJsdomEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of LENT_FROM_NODE) {
      if (typeof this.global[name] === 'undefined' && typeof globalThis[name] !== 'undefined') {
        this.global[name] = globalThis[name];
      }
    }
  }
}

module.exports = TrellisJsdomEnvironment;
