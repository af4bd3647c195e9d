// ECharts renders a tooltip formatter's string as HTML. Every formatter that
// returns HTML builds it here, so names typed by users (a project called
// `<img onerror=…>`) reach the tooltip as text, never as elements.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The text with HTML's special characters escaped. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Tooltip lines as HTML: each escaped, joined by line breaks; missing lines dropped. */
export const tooltipLines = (...lines: (string | null | undefined)[]): string =>
  lines.filter((l): l is string => l !== null && l !== undefined && l !== '').map(escapeHtml).join('<br/>');
