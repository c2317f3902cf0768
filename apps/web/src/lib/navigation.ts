/** Where to go after signing in: only a path inside this app (never another site, never back to a sign-in page). */
export function safeNext(next: string | null | undefined, fallback = '/frameworks'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (/^\/(sign-in|sign-up)(\/|\?|#|$)/.test(next)) return fallback;
  return next;
}

/** The sign-in page, remembering the page to come back to. */
export function signInPath(returnTo?: string): string {
  const next = returnTo ? safeNext(returnTo, '') : '';
  return next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
}
