import type { Language } from '../../facts.js';
import type { RepoSnapshot } from '../../../snapshot/repo-snapshot.js';
import { inDir, ownFiles, textOf } from '../project.js';
import type { Classification, ProjectContext } from './define.js';

/** A class that starts an application. */
const MAIN_CLASS = /@SpringBootApplication\b|@QuarkusMain\b|@MicronautApplication\b|\bpublic\s+static\s+void\s+main\s*\(|^\s*fun\s+main\s*\(|\bextends\s+(?:App|IOApp)\b|\bdef\s+main\s*\(/m;
/** Source files to read at most, named like entry points first: enough for any real module. */
const MAX_SOURCES = 400;

export interface JvmSignals {
  /** The build applies something that makes a runnable artifact (Spring Boot plugin, `application`, war…). */
  app: boolean;
  /** The build says library outright (`java-library`, `bootJar { enabled = false }`). */
  library: boolean;
  /** A hint only (a Spring Boot parent POM): decides when there is no source to read. */
  likelyApp: boolean;
}

/**
 * Java, Kotlin and Scala modules: the build's own signals first, then the sources (a
 * `@SpringBootApplication` or `main` class), then the hint. A module of a multi-module build that
 * has sources but no main class is a library, whatever starters it depends on.
 */
export function classifyJvm(project: ProjectContext, signals: JvmSignals): Classification {
  const language = jvmLanguage(project);
  if (signals.library) return { kind: 'library', language };
  if (signals.app) return { kind: 'app', language };
  const sources = mainSources(project.snapshot, project.dir, project.projectDirs);
  if (sources.length > 0) return { kind: hasMainClass(project.snapshot, sources) ? 'app' : 'library', language };
  return { kind: signals.likelyApp || project.memberOf.length === 0 ? 'app' : 'library', language };
}

function jvmLanguage(project: ProjectContext): Language {
  const { snapshot, dir } = project;
  const count = (sub: string) => snapshot.filesUnder(inDir(dir, sub)).length;
  const counts: Array<[Language, number]> = [['kotlin', count('src/main/kotlin')], ['scala', count('src/main/scala')], ['java', count('src/main/java')]];
  const [best] = counts.sort((a, b) => b[1] - a[1]);
  if (best && best[1] > 0) return best[0];
  // No sources to count: the build script's own language is the best guess left.
  return project.manifest.endsWith('.kts') ? 'kotlin' : 'java';
}

function mainSources(snapshot: RepoSnapshot, dir: string, projectDirs: readonly string[]): string[] {
  const root = inDir(dir, 'src/main/');
  return ownFiles(snapshot, dir, projectDirs).filter((file) => file.startsWith(root) && /\.(?:java|kt|scala)$/.test(file));
}

function hasMainClass(snapshot: RepoSnapshot, sources: string[]): boolean {
  const likely = (file: string) => (/(?:Application|App|Main|Server|Launcher)\.(?:java|kt|scala)$/.test(file) ? 0 : 1);
  const ordered = [...sources].sort((a, b) => likely(a) - likely(b)).slice(0, MAX_SOURCES);
  return ordered.some((file) => MAIN_CLASS.test(textOf(snapshot, file)));
}
