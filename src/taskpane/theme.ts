/** Picks the Fluent theme that matches Office's: dark when Office paints the pane with a dark background. */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** Relative luminance (0 = black, 1 = white) of "#RRGGBB"; null when the colour is not in that form. */
export function luminance(hex: string | undefined | null): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((hex ?? '').trim());
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeFor(officeTheme: { bodyBackgroundColor?: string } | null | undefined): Theme {
  const l = luminance(officeTheme?.bodyBackgroundColor);
  return l !== null && l < 0.5 ? webDarkTheme : webLightTheme;
}
