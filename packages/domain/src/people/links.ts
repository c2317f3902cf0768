/**
 * True when a URL's host names this computer (localhost, *.localhost, 127.0.0.0/8, ::1, 0.0.0.0):
 * links made with it work only in a browser on the server itself. Parsed by hand, not with `URL`,
 * so that the rule needs nothing of the platform.
 */
export function isLoopbackUrl(url: string): boolean {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(url.trim());
  if (!match) return false;
  const host = match[1]!.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (/^127(\.\d{1,3}){3}$/.test(host) || host === '0.0.0.0') return true;
  return host === '::1' || host === '0:0:0:0:0:0:0:1' || host === '::ffff:127.0.0.1';
}
