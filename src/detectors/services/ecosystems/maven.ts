import { activePom, pomPlugin } from '../../image-builders/build-files.js';
import { textOf } from '../project.js';
import { defineEcosystem } from './define.js';
import { classifyJvm } from './jvm.js';

/** Plugins that package a runnable application. */
const APP_PLUGINS = ['spring-boot-maven-plugin', 'quarkus-maven-plugin', 'micronaut-maven-plugin', 'jib-maven-plugin', 'exec-maven-plugin', 'maven-shade-plugin', 'javafx-maven-plugin'];

/**
 * Maven modules (https://maven.apache.org/pom.html). A `pom`-packaged POM (a parent or aggregator)
 * builds nothing itself; `war` packaging, an applied application plugin or a main class make an
 * app; a Spring Boot parent is a hint that sources can overrule.
 */
export const maven = defineEcosystem({
  id: 'maven',
  manifests: ['pom.xml'],
  rank: 3,
  classify(project) {
    const pom = activePom(textOf(project.snapshot, project.manifest));
    if (/<packaging>\s*pom\s*<\/packaging>/.test(pom)) return { kind: 'workspace-root' };
    // A plugin's artifactId must appear in the text: checking that first spares building a pattern per plugin and POM.
    const applied = (id: string) => (pom.includes(id) ? pomPlugin(pom, id) : undefined);
    const bootPlugin = applied('spring-boot-maven-plugin');
    const skipped = bootPlugin !== undefined && /<skip>\s*true\s*<\/skip>/.test(bootPlugin.block);
    const app = /<packaging>\s*war\s*<\/packaging>|<(?:start-class|mainClass|exec\.mainClass)>/.test(pom) || APP_PLUGINS.some((id) => applied(id) !== undefined && !(skipped && id === 'spring-boot-maven-plugin'));
    return classifyJvm(project, { app, library: skipped, likelyApp: /<artifactId>\s*spring-boot-starter-parent\s*<\/artifactId>/.test(pom) });
  },
});
