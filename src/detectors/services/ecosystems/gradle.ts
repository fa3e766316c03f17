import { baseName, dirOf } from '../../../snapshot/paths.js';
import { gradleCode } from '../../image-builders/build-files.js';
import { hasFile, textOf } from '../project.js';
import { defineEcosystem } from './define.js';
import { classifyJvm } from './jvm.js';

/** Plugins that make a runnable application (by id, in `plugins {}` or `apply plugin:`), not `apply false`. */
const APP_PLUGIN = /(?:\bid\s*\(?\s*["'](?:application|war|org\.springframework\.boot|io\.quarkus|io\.micronaut\.application|io\.ktor\.plugin|com\.google\.cloud\.tools\.jib|org\.openjfx\.javafxplugin)["']\s*\)?|^\s*(?:application|war|`application`)\s*$|\bplugins\s*\{[^}]*?(?:^|[\s;{])(?:application|war)\s*(?:$|[\s;}])|apply\s*\(?\s*plugin\s*[:=]\s*["'](?:application|war|org\.springframework\.boot)["'])(?![^\n]*\bapply\s*\(?\s*false)/m;
const LIBRARY = /\bid\s*\(?\s*["']java-library["']|^\s*`java-library`\s*$|apply\s*\(?\s*plugin\s*[:=]\s*["']java-library["']|\bbootJar\s*\{[^}]*enabled\s*=\s*false|tasks\.(?:named\s*\(\s*["']bootJar["']\s*\)|bootJar)\s*\{[^}]*enabled\s*=\s*false/m;

/**
 * Gradle projects (https://docs.gradle.org/current/userguide/multi_project_builds.html). A root
 * whose settings include other projects and that has no sources of its own builds nothing itself.
 * A project included by the settings but without a build file of its own is classified from its
 * sources (the manifest is then the settings file).
 */
export const gradle = defineEcosystem({
  id: 'gradle',
  manifests: ['build.gradle', 'build.gradle.kts'],
  rank: 3,
  classify(project) {
    const { snapshot, dir, manifest } = project;
    const ownBuild = dirOf(manifest) === dir && /^build\.gradle/.test(baseName(manifest));
    const code = ownBuild ? gradleCode(textOf(snapshot, manifest)) : '';
    const includes = project.rootOf.some((workspace) => workspace.tool === 'gradle' && workspace.members.some((member) => member !== dir));
    const hasSources = snapshot.filesUnder(dir === '.' ? 'src/main' : `${dir}/src/main`).length > 0;
    if (includes && !hasSources && !hasFile(snapshot, dir, 'src')) return { kind: 'workspace-root' };
    return classifyJvm(project, { app: APP_PLUGIN.test(code), library: LIBRARY.test(code), likelyApp: false });
  },
});
