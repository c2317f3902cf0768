import { createTheme, darken, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

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
  // Plain objects by component name, not `Select.extend(...)`: importing a component here would put it, and all it
  // imports, in the entry chunk of every page (Select alone brings Combobox, Popover, ScrollArea and floating-ui).
  components: {
    // A link inside a sentence must not be told apart by colour alone (WCAG 1.4.1; axe link-in-text-block).
    Anchor: { defaultProps: { underline: 'always' } },
    // A table wider than a phone scrolls sideways in its container; keyboard users must be able to reach and scroll
    // it (WCAG 2.1.1; axe scrollable-region-focusable): its scrolling viewport is in the tab order.
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
    TextInput: { defaultProps: { withAsterisk: false } },
    PasswordInput: { defaultProps: { withAsterisk: false } },
    Textarea: { defaultProps: { withAsterisk: false } },
    Select: { defaultProps: { withAsterisk: false } },
    NativeSelect: { defaultProps: { withAsterisk: false } },
  },
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily:
      'Inter, "Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif',
    fontWeight: '650',
  },
});

/**
 * Text contrast of at least 4.5:1 (WCAG 1.4.3) in light mode:
 * - Mantine's default dimmed grey is below 4.5:1 on white; a darker grey keeps secondary text readable;
 * - the text of `light` variants (badges, light buttons, alerts) and of `outline` variants uses each colour's
 *   darkest shade darkened by a third: Mantine's own (orange, green, red, yellow...) fall to 2.5-4.3:1 on their
 *   tinted backgrounds or on white.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const readable: Record<string, string> = {};
  for (const [name, shades] of Object.entries(t.colors)) {
    if (name === 'dark') continue;
    const text = darken(shades[9], 0.35);
    readable[`--mantine-color-${name}-light-color`] = text;
    readable[`--mantine-color-${name}-outline`] = text;
  }
  const primary = t.colors[t.primaryColor];
  if (primary) readable['--mantine-primary-color-light-color'] = darken(primary[9], 0.35);
  return {
    variables: {},
    light: { '--mantine-color-dimmed': t.colors.gray[7], ...readable },
    dark: { '--mantine-color-dimmed': t.colors.dark[1] },
  };
};
