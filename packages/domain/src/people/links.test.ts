import { isLoopbackUrl } from './links.js';

describe('isLoopbackUrl', () => {
  it.each(['http://localhost:3000', 'http://LOCALHOST', 'https://app.localhost/x', 'http://127.0.0.1:8080', 'http://127.1.2.3', 'http://[::1]:3000', 'http://0.0.0.0', 'http://user@localhost/'])(
    '%s is loopback',
    (url) => expect(isLoopbackUrl(url)).toBe(true),
  );
  it.each(['https://trellis.example.com', 'http://10.0.0.5:3000', 'http://192.168.1.2', 'https://localhost.example.com', 'http://[2001:db8::1]', 'not a url'])(
    '%s is not',
    (url) => expect(isLoopbackUrl(url)).toBe(false),
  );
});
