import { ConfigError, loadConfig } from '../src/config/config.js';

describe('configuration', () => {
  it('defaults to port 4000, the embedded database and the demo organisation', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.TRELLIS_DEFAULT_ORGANISATION).toBe('demo');
    expect(config.TRELLIS_SEED_DEMO).toBe(true);
  });

  it('names each bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT: /);
      expect((error as Error).message).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    }
  });
});
