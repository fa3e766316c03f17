import type { Report } from '../report/types.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';

export interface FormatOptions {
  color: boolean;
  verbose: boolean;
  /** The checklist file or built-in name, for formats that must point somewhere (SARIF). */
  checklistSource?: string;
  /** Environment facts a format may use (GitHub annotations); formatters never read process.env. */
  githubActions?: boolean;
}

export type Formatter = (report: Report, options: FormatOptions) => string;

/** Keyed by format name; `--format` accepts exactly these keys. */
export const FORMATTERS = {
  json: (report) => formatJson(report),
  text: formatText,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS).sort() as FormatName[];
