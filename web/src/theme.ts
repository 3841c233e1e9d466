import { createTheme, InputWrapper } from '@mantine/core';

const fontFamily =
  'system-ui, -apple-system, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif';

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
