import type { ComposeReference } from '../facts.js';
import { compareText } from '../../compare-text.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { baseName, dirOf } from '../../snapshot/paths.js';
import { isOverrideFile } from './names.js';

/** The files Compose reads by default, in its order of preference. */
const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** How a file takes part in a Compose app: alone, or merged over another file. */
export interface FileRole {
  /** The file it is merged over, if any. */
  base?: string;
  /** The directory its relative paths resolve against. */
  projectDir: string;
  override: boolean;
  references: ComposeReference[];
}

interface Usage {
  references: ComposeReference[];
  first: boolean;
  projectDir?: string;
  later?: { base: string; projectDir: string };
}

/**
 * Collects how files are used together (`-f a -f b`, `include: [{path: [a, b]}]`, an override
 * next to its base) and decides, per file, what it merges over and where its paths start from.
 */
export class ComposeRoles {
  private readonly usages = new Map<string, Usage>();

  constructor(private readonly snapshot: RepoSnapshot) {}

  /** Files used together, in order; `projectDir` overrides the first file's directory (`project_directory`). */
  addSet(files: readonly string[], reference: ComposeReference, projectDir?: string): void {
    const [first] = files;
    if (first === undefined) return;
    files.forEach((file, index) => {
      const usage = this.usage(file);
      if (!usage.references.some((r) => r.kind === reference.kind && r.path === reference.path && r.line === reference.line)) usage.references.push(reference);
      if (index === 0) {
        usage.first = true;
        usage.projectDir ??= projectDir;
      } else {
        usage.later ??= { base: first, projectDir: projectDir ?? dirOf(first) };
      }
    });
  }

  addReference(file: string, reference: ComposeReference): void {
    const usage = this.usage(file);
    if (!usage.references.some((r) => r.kind === reference.kind && r.path === reference.path && r.line === reference.line)) usage.references.push(reference);
  }

  /** A file only ever used after another is merged over it; an override file over its partner. */
  roleOf(file: string): FileRole {
    const usage = this.usages.get(file) ?? { references: [], first: false };
    const references = [...usage.references].sort((a, b) => compareText(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0));
    if (usage.later && !usage.first) return { base: usage.later.base, projectDir: usage.later.projectDir, override: true, references };
    const projectDir = usage.projectDir ?? dirOf(file);
    if (isOverrideFile(file)) return { base: this.partnerOf(file), projectDir, override: true, references };
    return { projectDir, override: false, references };
  }

  private usage(file: string): Usage {
    let usage = this.usages.get(file);
    if (!usage) this.usages.set(file, (usage = { references: [], first: false }));
    return usage;
  }

  /**
   * `docker-compose.override.yml` → `docker-compose.yml` (or `.yaml`), in the same directory. A
   * default override name goes with whichever default file Compose picks there, as compose-go
   * looks for any of them (`compose.override.yaml` over a `docker-compose.yml` included).
   */
  private partnerOf(file: string): string | undefined {
    const dir = dirOf(file);
    const stem = baseName(file).replace(/[.-]override(?=[.-])/i, '').replace(/\.ya?ml$/, '');
    const defaults = /^(?:docker-)?compose$/.test(stem) ? DEFAULT_FILES : [];
    return [`${stem}.yaml`, `${stem}.yml`, ...defaults].map((name) => (dir === '.' ? name : `${dir}/${name}`)).find((path) => this.snapshot.has(path));
  }
}
