import type { ImageBuilderFact } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { dirOf, resolveInRepo } from '../../snapshot/paths.js';
import { activePom, gradleCode, gradleProjectDir, gradleScope, isAggregatorPom, lineAt, pomPlugin } from './build-files.js';
import { commandsMatching, defineBuilder, optionValue, scriptPath } from './define.js';

/** `id 'com.google.cloud.tools.jib'`, `id("com.google.cloud.tools.jib")`, `apply plugin: '…'`, Quarkus' Jib extension. */
const GRADLE_JIB = /\bid\s*\(?\s*["']com\.google\.cloud\.tools\.jib["']\s*\)?(?![^\n]*\bapply\s*\(?\s*false)|\bapply\s*\(?\s*plugin\s*[:=]\s*["']com\.google\.cloud\.tools\.jib["']|["']io\.quarkus:quarkus-container-image-jib\b/;
const BUILD_TOOL = /(?:^|[\s/])(?:mvnw?|gradlew?)(?=\s)/;
const JIB_GOAL = /^(?:jib:(?:build|dockerBuild|buildTar)|com\.google\.cloud\.tools:jib-maven-plugin(?::[\w.-]+)?:(?:build|dockerBuild|buildTar)|(?::[\w:-]+:)?jib(?:DockerBuild|BuildTar)?)$/;

/**
 * Jib builds Java images from Maven or Gradle without a Dockerfile
 * (https://github.com/GoogleContainerTools/jib): its plugin applied in a build file, or its goal
 * run by a script or CI job.
 */
export const jib = defineBuilder({
  id: 'jib',
  files: ['**/pom.xml', '**/build.gradle', '**/build.gradle.kts', '(scripts and CI running jib goals)'],
  find({ snapshot }) {
    const facts: ImageBuilderFact[] = [];
    for (const path of snapshot.filesNamed('pom.xml')) facts.push(...mavenJib(snapshot, path));
    for (const path of snapshot.filesNamed('build.gradle', 'build.gradle.kts')) facts.push(...gradleJib(snapshot, path));
    for (const { script, args } of commandsMatching(snapshot, BUILD_TOOL)) {
      const goal = args.find((arg) => JIB_GOAL.test(arg));
      if (goal === undefined) continue;
      const project = /^(:[\w:-]+):jib/.exec(goal)?.[1];
      const module = optionValue(args, '-pl', '--projects', '-p', '--project-dir');
      const written = project !== undefined ? gradleProjectDir(project) : module?.split(',')[0];
      const directory = scriptPath(snapshot, script, written);
      if (directory !== undefined) facts.push({ builder: 'jib', directory, path: script.path, line: script.line });
    }
    return facts;
  },
});

function mavenJib(snapshot: RepoSnapshot, path: string): ImageBuilderFact[] {
  const text = snapshot.text(path) ?? '';
  // Every pattern below names `jib`, and blanking comments never writes it.
  if (!text.includes('jib')) return [];
  const pom = activePom(text);
  const plugin = pomPlugin(pom, 'jib-maven-plugin');
  const quarkus = /<artifactId>\s*quarkus-container-image-jib\s*<\/artifactId>/.exec(pom);
  if (plugin && /<skip>\s*true\s*<\/skip>/.test(plugin.block)) return [];
  const offset = plugin?.offset ?? quarkus?.index;
  if (offset === undefined) return [];
  const fact: ImageBuilderFact = { builder: 'jib', directory: dirOf(path), path, line: lineAt(text, offset) };
  if (isAggregatorPom(pom)) fact.members = true;
  return [fact];
}

function gradleJib(snapshot: RepoSnapshot, path: string): ImageBuilderFact[] {
  const text = snapshot.text(path) ?? '';
  if (!text.includes('jib')) return [];
  const code = gradleCode(text);
  const match = GRADLE_JIB.exec(code) ?? /^\s*jib\s*\{/m.exec(code);
  if (!match) return [];
  const scope = gradleScope(code, match.index);
  const dir = dirOf(path);
  const directory = scope.project !== undefined ? resolveInRepo(dir, gradleProjectDir(scope.project)) : dir;
  if (directory === undefined) return [];
  const fact: ImageBuilderFact = { builder: 'jib', directory, path, line: lineAt(text, match.index) };
  if (scope.members) fact.members = true;
  return [fact];
}
