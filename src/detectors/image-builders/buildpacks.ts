import type { ImageBuilderFact } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { dirOf } from '../../snapshot/paths.js';
import { activePom, gradleCode, isAggregatorPom, lineAt, pomPlugin } from './build-files.js';
import { commandsMatching, defineBuilder, optionValue, scriptPath } from './define.js';

/** Spring Boot's `bootBuildImage` task configured, Quarkus' buildpack extension. */
const GRADLE_BUILDPACKS = /\bbootBuildImage\s*\{|\btasks\.named(?:<BootBuildImage>)?\s*\(\s*["']bootBuildImage["']|["']io\.quarkus:quarkus-container-image-buildpack\b/;
const PACK = /(?:^|[\s/])pack\s+build(?=\s)/;
const BUILD_TOOL = /(?:^|[\s/])(?:mvnw?|gradlew?)(?=\s)/;

/**
 * Cloud Native Buildpacks (https://buildpacks.io): a `project.toml` project descriptor, `pack
 * build`, and the builds that use them underneath: Spring Boot's `build-image` goal and
 * `bootBuildImage` task, Quarkus' buildpack extension.
 */
export const buildpacks = defineBuilder({
  id: 'buildpacks',
  files: ['**/project.toml', '**/pom.xml', '**/build.gradle', '**/build.gradle.kts', '(scripts and CI running pack build, spring-boot:build-image, bootBuildImage)'],
  find({ snapshot }) {
    const facts: ImageBuilderFact[] = [];
    for (const path of snapshot.filesNamed('project.toml')) facts.push({ builder: 'buildpacks', directory: dirOf(path), path, line: 1 });
    for (const path of snapshot.filesNamed('pom.xml')) facts.push(...springBootMaven(snapshot, path));
    for (const path of snapshot.filesNamed('build.gradle', 'build.gradle.kts')) facts.push(...gradleBuildpacks(snapshot, path));
    for (const { script, args } of commandsMatching(snapshot, PACK)) {
      const directory = scriptPath(snapshot, script, optionValue(args, '-p', '--path'));
      if (directory !== undefined) facts.push({ builder: 'buildpacks', directory, path: script.path, line: script.line });
    }
    for (const { script, args } of commandsMatching(snapshot, BUILD_TOOL)) {
      if (!args.some((arg) => /(?:^|:)spring-boot:build-image(?:-no-fork)?$|^(?::[\w:-]+:)?bootBuildImage$/.test(arg))) continue;
      const project = args.map((arg) => /^(:[\w:-]+):bootBuildImage$/.exec(arg)?.[1]).find(Boolean);
      const written = project?.replace(/^:/, '').split(':').join('/') ?? optionValue(args, '-pl', '--projects')?.split(',')[0];
      const directory = scriptPath(snapshot, script, written);
      if (directory !== undefined) facts.push({ builder: 'buildpacks', directory, path: script.path, line: script.line });
    }
    return facts;
  },
});

/** The Spring Boot plugin is in every Boot project; only its `build-image` goal or `<image>` settings say images are built with it. */
function springBootMaven(snapshot: RepoSnapshot, path: string): ImageBuilderFact[] {
  const text = snapshot.text(path) ?? '';
  // Blanking comments never writes an artifactId: a pom without one of them needs no more reading.
  if (!text.includes('spring-boot-maven-plugin') && !text.includes('quarkus-container-image-buildpack')) return [];
  const pom = activePom(text);
  const plugin = pomPlugin(pom, 'spring-boot-maven-plugin');
  const builds = plugin && /<goal>\s*build-image(?:-no-fork)?\s*<\/goal>|<image>/.test(plugin.block) ? plugin.offset : undefined;
  const offset = builds ?? /<artifactId>\s*quarkus-container-image-buildpack\s*<\/artifactId>/.exec(pom)?.index;
  if (offset === undefined) return [];
  const fact: ImageBuilderFact = { builder: 'buildpacks', directory: dirOf(path), path, line: lineAt(text, offset) };
  if (isAggregatorPom(pom)) fact.members = true;
  return [fact];
}

function gradleBuildpacks(snapshot: RepoSnapshot, path: string): ImageBuilderFact[] {
  const text = snapshot.text(path) ?? '';
  if (!text.includes('bootBuildImage') && !text.includes('quarkus-container-image-buildpack')) return [];
  const match = GRADLE_BUILDPACKS.exec(gradleCode(text));
  return match ? [{ builder: 'buildpacks', directory: dirOf(path), path, line: lineAt(text, match.index) }] : [];
}
