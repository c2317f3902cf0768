/**
 * The first checks of a form, so an obvious slip does not need a round trip. The API applies the full rules
 * (@trellis/domain: e-mail syntax, password length, common passwords...) and its field errors are shown the same way.
 */

/** The shortest password the API accepts (MIN_PASSWORD_LENGTH in @trellis/domain). */
export const MIN_PASSWORD_LENGTH = 10;

export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters; not a common password, your name or your e-mail.`;

/** Moves focus to the first field the form marked invalid, or else to its error alert, once React has rendered. */
export function focusFirstProblem(form: HTMLFormElement | null): void {
  if (!form) return;
  setTimeout(() => {
    const target =
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('[role="alert"]');
    if (!target) return;
    if (!target.hasAttribute('tabindex') && !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName)) {
      target.setAttribute('tabindex', '-1');
    }
    target.focus();
  }, 0);
}

/** The message for an e-mail field, or undefined when it is fine. */
export function emailProblem(value: string): string | undefined {
  if (value.trim() === '') return 'Enter an e-mail address.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(value.trim())) return 'Enter an e-mail address such as name@example.com.';
  return undefined;
}

export function requiredProblem(value: string, what: string): string | undefined {
  return value.trim() === '' ? `Enter ${what}.` : undefined;
}

/** Only the entries that have a message. */
export function compact(errors: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) if (message) out[key] = message;
  return out;
}

/** An API sentence as a form message: "password must have…" → "Password must have…". */
export function sentence(message: string): string {
  const trimmed = message.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The message for a new password, or undefined when it passes the checks made here. */
export function passwordProblem(password: string): string | undefined {
  if (password === '') return 'Choose a password.';
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  return undefined;
}
