import { Alert, type CSSVariablesResolver, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Darker shades than the default keep text on filled buttons at WCAG AA contrast.
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  focusRing: 'always',
  components: {
    // A red alert (an error): Mantine's light red draws the title in the tint's own red and the body at
    // 3.7:1; here the title is dark red and the text near-black on a pale red, both above 4.5:1.
    Alert: Alert.extend({
      vars: (_theme, props) =>
        props.color === 'red'
          ? {
              root: {
                '--alert-bg': 'var(--mantine-color-red-0)',
                '--alert-bd': '1px solid var(--mantine-color-red-9)',
                '--alert-color': 'var(--mantine-color-red-9)',
              },
            }
          : { root: {} },
      styles: (_theme, props) =>
        props.color === 'red' ? { message: { color: 'var(--mantine-color-dark-9)' } } : {},
    }),
  },
});

/** Dimmed text dark enough for WCAG AA contrast on white (Mantine's default is 3.3:1). */
export const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
