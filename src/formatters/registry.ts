import type { Report } from '../report/types.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
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
  junit: (report) => formatJunit(report),
  markdown: (report) => formatMarkdown(report),
  sarif: (report) => formatSarif(report),
  text: formatText,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS).sort() as FormatName[];
