import { type CSSVariablesResolver, createTheme, DEFAULT_THEME, InputWrapper } from '@mantine/core';

const fontFamily =
  'system-ui, -apple-system, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif';

/**
 * WCAG AA contrast (4.5:1, checked by axe in e2e/a11y.spec.ts). Mantine's tinted "light" variant (the
 * active menu entry, badges, light and subtle buttons) draws text in shade 6, below 4.5:1 on its tint:
 * shade 9 passes for these colours, the yellow–green ones need dark text. "dimmed" text is gray 6 by
 * default (3.3:1 on white); gray 7 reaches 8:1.
 */
const SHADE_9_PASSES = new Set(['dark', 'gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan']);
const lightText = Object.fromEntries(
  Object.keys(DEFAULT_THEME.colors).map((c) => [`--mantine-color-${c}-light-color`, SHADE_9_PASSES.has(c) ? `var(--mantine-color-${c}-9)` : 'var(--mantine-color-dark-9)']),
);
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { ...lightText, '--mantine-primary-color-light-color': 'var(--mantine-color-indigo-9)', '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 keeps white button text above WCAG AA contrast.
  primaryShade: { light: 7, dark: 5 },
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    // No " *" inside labels: the label text stays exactly the catalogue word, so people and tests
    // (getByLabel(..., { exact: true })) read the same name. Inputs still carry `required`.
    InputWrapper: InputWrapper.extend({ defaultProps: { withAsterisk: false } }),
  },
});
