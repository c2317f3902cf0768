import {
  createTheme,
  NativeSelect,
  PasswordInput,
  Select,
  Textarea,
  TextInput,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

/** Trellis pine: a calm green-teal. Shade 7 (the primary in light mode) keeps 5:1 contrast on white. */
const pine: MantineColorsTuple = [
  '#e7f5f2',
  '#d0ebe5',
  '#a3d6cb',
  '#72c0af',
  '#4aad97',
  '#2f9d86',
  '#1f8a75',
  '#0f7a66',
  '#0b6a59',
  '#07594a',
];

export const theme = createTheme({
  primaryColor: 'pine',
  primaryShade: { light: 7, dark: 5 },
  colors: { pine },
  autoContrast: true,
  defaultRadius: 'md',
  // Keyboard users always get a visible focus ring; mouse users are not distracted by it.
  focusRing: 'auto',
  cursorType: 'pointer',
  respectReducedMotion: true,
  // No "*" after required labels: the asterisk would become part of the label's text, which browser tests and some
  // assistive technologies read as the field's name. Required fields carry the required attribute; forms say in
  // words which fields are optional.
  components: {
    TextInput: TextInput.extend({ defaultProps: { withAsterisk: false } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { withAsterisk: false } }),
    Textarea: Textarea.extend({ defaultProps: { withAsterisk: false } }),
    Select: Select.extend({ defaultProps: { withAsterisk: false } }),
    NativeSelect: NativeSelect.extend({ defaultProps: { withAsterisk: false } }),
  },
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily:
      'Inter, "Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif',
    fontWeight: '650',
  },
});

/** Mantine's default dimmed grey is below 4.5:1 on white; use a darker grey so secondary text stays readable. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7] },
  dark: { '--mantine-color-dimmed': t.colors.dark[1] },
});
