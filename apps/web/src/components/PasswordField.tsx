import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/** Mantine's PasswordInput, plus `aria-invalid` on the input when it shows an error (Mantine leaves it off). */
export function PasswordField(props: PasswordInputProps) {
  return <PasswordInput aria-invalid={props.error ? true : undefined} {...props} />;
}
