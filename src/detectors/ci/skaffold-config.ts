import { parseYaml } from '../../parsers/yaml.js';
import { dirOf } from '../../snapshot/paths.js';
import type { ScriptFiles } from './activity.js';
import { resolveScriptPath } from './shell-paths.js';
import { asList, asMap, asText } from './values.js';

// https://skaffold.dev/docs/references/yaml/
export interface SkaffoldArtifact {
  image: string;
  context: string | undefined;
  dockerfile?: string;
  target?: string;
  /** `docker`, `jib`, `buildpacks`, `ko`, `bazel`, `custom`. */
  builder: string;
  line: number;
}

export interface SkaffoldProfile {
  name: string;
  line: number;
  artifacts?: SkaffoldArtifact[];
  /** Names that say where the profile deploys: its namespace, kube context. */
  targets: string[];
  deploys: boolean;
}

export interface SkaffoldConfig {
  path: string;
  artifacts: SkaffoldArtifact[];
  /** `build.local.push: false` keeps images in the local daemon; cluster and Cloud Build builders push. */
  push?: boolean;
  deploys: boolean;
  profiles: SkaffoldProfile[];
}

const BUILDERS = ['docker', 'jib', 'buildpacks', 'ko', 'bazel', 'custom', 'kaniko'];

/** Every config of a skaffold.yaml (it may hold several documents, or `requires` none of which we follow). */
export function readSkaffold(files: ScriptFiles, path: string): SkaffoldConfig[] {
  const text = files.text(path);
  if (text === undefined) return [];
  const parsed = parseYaml(text);
  if (parsed.errors.length > 0) return [];
  const directory = dirOf(path);
  return parsed.documents.flatMap((document, doc) => {
    const root = asMap(document);
    if (!root || !asText(root.apiVersion)?.startsWith('skaffold/')) return [];
    const line = (keys: Array<string | number>) => parsed.lineOf(keys, doc) ?? 1;
    const artifactsAt = (build: unknown, keys: Array<string | number>) =>
      asList(asMap(build)?.artifacts).flatMap((value, index): SkaffoldArtifact[] => {
        const artifact = asMap(value);
        const image = asText(artifact?.image);
        if (!artifact || !image) return [];
        const context = resolveScriptPath(asText(artifact.context) ?? '.', directory);
        const docker = asMap(artifact.docker);
        const file = asText(docker?.dockerfile);
        const builder = BUILDERS.find((name) => artifact[name] !== undefined) ?? 'docker';
        const dockerfile = builder === 'docker' && context !== undefined ? resolveScriptPath(file ?? 'Dockerfile', context) : undefined;
        return [{ image, context, builder, line: line([...keys, 'artifacts', index]), ...(dockerfile ? { dockerfile } : {}), ...(asText(docker?.target) ? { target: asText(docker?.target) } : {}) }];
      });
    const build = asMap(root.build);
    const local = asMap(build?.local);
    const push = local?.push === false ? false : build?.googleCloudBuild !== undefined || build?.cluster !== undefined || local?.push === true ? true : undefined;
    const profiles = asList(root.profiles).flatMap((value, index): SkaffoldProfile[] => {
      const profile = asMap(value);
      const name = asText(profile?.name);
      if (!profile || !name) return [];
      const deploy = asMap(profile.deploy);
      const kubectl = asMap(deploy?.kubectl);
      const targets = [asText(kubectl?.defaultNamespace), asText(deploy?.kubeContext), ...asList(profile.activation).map((a) => asText(asMap(a)?.kubeContext))].filter((t): t is string => t !== undefined);
      const artifacts = profile.build === undefined ? undefined : artifactsAt(profile.build, ['profiles', index, 'build']);
      return [{ name, line: line(['profiles', index]), targets, deploys: deploy !== undefined || profile.manifests !== undefined, ...(artifacts ? { artifacts } : {}) }];
    });
    return [{ path, artifacts: artifactsAt(build, ['build']), ...(push === undefined ? {} : { push }), deploys: root.deploy !== undefined || root.manifests !== undefined, profiles }];
  });
}
