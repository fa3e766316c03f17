import type { YamlProblem } from '../parsers/yaml.js';
import type { Finding } from './finding.js';

/** A file's YAML syntax errors as findings with their line and column: broken input is reported, never thrown. */
export function yamlSyntaxFindings(path: string, errors: readonly YamlProblem[]): Finding[] {
  return errors.map((error) => ({ code: 'yaml-syntax', severity: 'error', path, line: error.line, column: error.column, args: { message: error.message } }));
}
