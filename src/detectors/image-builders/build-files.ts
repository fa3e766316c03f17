import { lineAndColumn } from '../../parsers/lines.js';

/**
 * Reading Maven and Gradle build files for plugins, without running them. Comments and Maven's
 * `<pluginManagement>` (declared, not applied) are blanked out with spaces so offsets and lines stay true.
 */
export function activePom(text: string): string {
  return blank(blank(text, /<!--[\s\S]*?-->/g), /<pluginManagement>[\s\S]*?<\/pluginManagement>/g);
}

/** The `<plugin>` element whose artifactId is `artifactId`, with its offset; undefined when not applied. */
export function pomPlugin(pom: string, artifactId: string): { block: string; offset: number } | undefined {
  const pattern = new RegExp(String.raw`<plugin>(?:(?!</plugin>)[\s\S])*?<artifactId>\s*${artifactId.replace(/[.-]/g, '\\$&')}\s*</artifactId>[\s\S]*?</plugin>`);
  const match = pattern.exec(pom);
  return match ? { block: match[0], offset: match.index } : undefined;
}

export function isAggregatorPom(pom: string): boolean {
  return /<packaging>\s*pom\s*<\/packaging>/.test(pom) && /<modules>/.test(pom);
}

export function gradleCode(text: string): string {
  return blank(blank(text, /\/\*[\s\S]*?\*\//g), /(^|[ \t;{}])\/\/[^\n]*/gm);
}

/**
 * The blocks enclosing an offset in a Gradle script, outermost first: `subprojects`, `allprojects`,
 * `project(':api')` (as `project::api`), `configure(...)`, `plugins`…
 */
export function enclosingGradleBlocks(code: string, offset: number): string[] {
  const stack: string[] = [];
  for (let i = 0; i < offset && i < code.length; i++) {
    const char = code[i];
    if (char === '{') {
      const before = code.slice(Math.max(0, i - 120), i);
      const project = /project\s*\(\s*["']([:\w.-]+)["']\s*\)\s*$/.exec(before);
      const name = project ? `project:${project[1]}` : /([A-Za-z_][\w.]*)\s*(?:\([^()]*\))?\s*$/.exec(before)?.[1] ?? '';
      stack.push(name);
    } else if (char === '}') {
      stack.pop();
    }
  }
  return stack;
}

/**
 * Where a Gradle plugin applied at `offset` takes effect: the script's own project, every
 * subproject (`subprojects {}`, `allprojects {}`, `configure(subprojects…)`), or one named project.
 */
export function gradleScope(code: string, offset: number): { members: boolean; project?: string } {
  const blocks = enclosingGradleBlocks(code, offset);
  const project = blocks.find((block) => block.startsWith('project:'));
  if (project) return { members: false, project: project.slice('project:'.length) };
  return { members: blocks.some((block) => block === 'subprojects' || block === 'allprojects' || block === 'configure') };
}

/** `:services:api` → `services/api`, relative to the settings directory. */
export function gradleProjectDir(project: string): string {
  return project.replace(/^:/, '').split(':').join('/') || '.';
}

export function lineAt(text: string, offset: number): number {
  return lineAndColumn(text, offset).line;
}

function blank(text: string, pattern: RegExp): string {
  return text.replace(pattern, (match, lead?: unknown) => {
    const keep = typeof lead === 'string' ? lead : '';
    return keep + match.slice(keep.length).replace(/[^\n]/g, ' ');
  });
}
