/** Mantine's md breakpoint: from here My career has room to start with its details open; below it, a phone, it starts as a summary. */
export const WIDE_SCREEN = '(min-width: 62em)';

export function isWideScreen(): boolean {
  return window.matchMedia(WIDE_SCREEN).matches;
}
