import type { Confidence, Language } from '../facts.js';
import { compareText } from '../../compare-text.js';
import { confidenceOfDirectory } from '../sample-paths.js';

const EXTENSION_LANGUAGES: Record<string, Language> = {
  '.py': 'python', '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascript', '.ts': 'typescript', '.tsx': 'typescript',
  '.go': 'go', '.rb': 'ruby', '.php': 'php', '.java': 'java', '.kt': 'kotlin', '.scala': 'scala', '.rs': 'rust', '.cs': 'csharp', '.fs': 'fsharp',
  '.ex': 'elixir', '.exs': 'elixir', '.erl': 'erlang', '.sh': 'shell', '.c': 'c', '.cpp': 'cpp', '.dart': 'dart', '.swift': 'swift',
};

/** The language most of the files are written in (by extension); `unknown` when none is recognised. */
export function languageOfFiles(files: readonly string[]): Language {
  const counts = new Map<Language, number>();
  for (const file of files) {
    const dot = file.lastIndexOf('.');
    const language = dot > file.lastIndexOf('/') ? EXTENSION_LANGUAGES[file.slice(dot)] : undefined;
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  // The most files wins; a tie goes to the name that sorts first.
  let best: Language = 'unknown';
  let most = 0;
  for (const [language, count] of counts) {
    if (count > most || (count === most && compareText(language, best) < 0)) [best, most] = [language, count];
  }
  return best;
}

/** Services in examples, fixtures, test data and docs are listed but never block a step. */
export function confidenceOf(path: string): Confidence {
  return confidenceOfDirectory(path, { docs: true });
}
