import type { Language } from '../../facts.js';
import { lazy } from '../../../lazy.js';
import type { RepoSnapshot } from '../../../snapshot/repo-snapshot.js';
import { inDir, ownedBy, textOf } from '../project.js';
import { countUnder } from '../../../snapshot/paths.js';
import type { Classification, ProjectContext } from './define.js';

/** A class that starts an application. */
const MAIN_CLASS = /@SpringBootApplication\b|@QuarkusMain\b|@MicronautApplication\b|\bpublic\s+static\s+void\s+main\s*\(|^\s*fun\s+main\s*\(|\bextends\s+(?:App|IOApp)\b|\bdef\s+main\s*\(/m;
const SOURCE = /\.(?:java|kt|scala)$/;
/**
 * Source files read per module at most: reading is nearly all this classification costs, and a
 * library has to be read to its end. Files named like entry points come first, then the shallowest
 * (an application class sits in the root package, above what it starts), so a main class is
 * found early; a module with none among these is taken for a library.
 */
const MAX_SOURCES = 64;
const LIKELY_MAIN = /(?:Application|App|Main|Server|Launcher)\.(?:java|kt|scala)$/;

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
  const { snapshot, dir } = project;
  const main = snapshot.filesUnder(inDir(dir, 'src/main'));
  const language = jvmLanguage(project, main);
  if (signals.library) return { kind: 'library', language };
  if (signals.app) return { kind: 'app', language };
  const owned = ownedBy(dir, project.projectDirs);
  const isSource = (file: string) => SOURCE.test(file) && owned(file);
  if (main.some(isSource)) return { kind: lazy(() => (hasMainClass(snapshot, main.filter(isSource)) ? 'app' : 'library')), language };
  return { kind: signals.likelyApp || project.memberOf.length === 0 ? 'app' : 'library', language };
}

/** By the files under src/main/kotlin, scala and java (`main`: the files under src/main). */
function jvmLanguage(project: ProjectContext, main: readonly string[]): Language {
  const count = (sub: string) => countUnder(main, inDir(project.dir, sub));
  const counts: Array<[Language, number]> = [['kotlin', count('src/main/kotlin')], ['scala', count('src/main/scala')], ['java', count('src/main/java')]];
  const [best] = counts.sort((a, b) => b[1] - a[1]);
  if (best && best[1] > 0) return best[0];
  // No sources to count: the build script's own language is the best guess left.
  return project.manifest.endsWith('.kts') ? 'kotlin' : 'java';
}

function hasMainClass(snapshot: RepoSnapshot, sources: readonly string[]): boolean {
  let budget = MAX_SOURCES;
  const startsApp = (file: string) => budget-- > 0 && MAIN_CLASS.test(textOf(snapshot, file));
  if (sources.filter((file) => LIKELY_MAIN.test(file)).some(startsApp)) return true;
  const rest = sources.filter((file) => !LIKELY_MAIN.test(file)).map((file) => ({ file, depth: depthOf(file) }));
  return rest.sort((a, b) => a.depth - b.depth).some(({ file }) => startsApp(file));
}

function depthOf(path: string): number {
  let depth = 0;
  for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) depth++;
  return depth;
}
