import { xmlLegal } from '../../core/report/legal-text';

/** XML text escaping for the parts written by hand (charts, drawings); illegal characters become U+FFFD. */
export function esc(text: string): string {
  return xmlLegal(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** "#RRGGBB" -> "RRGGBB" for DrawingML, "FFRRGGBB" for SpreadsheetML. */
export function rgb(color: string): string {
  return color.replace(/^#/, '').toUpperCase();
}
export function argb(color: string): string {
  return `FF${rgb(color)}`;
}
