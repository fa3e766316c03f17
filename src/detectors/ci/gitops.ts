import type { CiActivity, CiJobFact } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { configsOf, type CiProvider } from './provider.js';
import { builtImageMatcher } from './images.js';
import { environmentAmong } from './names.js';
import { asList, asMap, asText, type YamlMap } from './values.js';

// Argo CD Image Updater (https://argocd-image-updater.readthedocs.io) and Flux image automation
// (https://fluxcd.io/flux/components/image/): controllers that roll new image tags out on their own.
export const GITOPS_FILES = ['**/*.yaml', '**/*.yml (those naming argocd-image-updater or ImageUpdateAutomation)'];
const YAML = /\.ya?ml$/;
const MARKER = /argocd-image-updater|ImageUpdateAutomation/;
const IMAGE_LIST = 'argocd-image-updater.argoproj.io/image-list';

interface GitopsDocument {
  path: string;
  doc: number;
  root: YamlMap;
  line: (keys: Array<string | number>) => number | undefined;
}

/**
 * A GitOps image updater deploys every new image of the ones it watches to the Application (or the
 * cluster path) it updates: a deploy, medium until the pipeline is seen building that image
 * (`confirmImageUpdaters`). The environment comes from the app, namespace or path names.
 */
export const gitops: CiProvider = (snapshot) => {
  const documents = gitopsDocuments(snapshot);
  const jobs: CiJobFact[] = [...argoJobs(documents), ...fluxJobs(documents)];
  const filesOf = (system: CiJobFact['system']) => [...new Set(jobs.filter((job) => job.system === system).map((job) => job.file))];
  return { configs: [...configsOf('argo-cd', filesOf('argo-cd')), ...configsOf('flux', filesOf('flux'))], jobs };
};

function argoJobs(documents: readonly GitopsDocument[]): CiJobFact[] {
  return documents.flatMap(({ path, root, line }): CiJobFact[] => {
    const metadata = asMap(root.metadata) ?? {};
    const name = asText(metadata.name) ?? 'application';
    if (root.kind === 'Application' && asText(asMap(metadata.annotations)?.[IMAGE_LIST])) {
      const spec = asMap(root.spec) ?? {};
      const source = asMap(spec.source) ?? asMap(asList(spec.sources)[0]) ?? {};
      const environment = environmentAmong([name, asText(asMap(spec.destination)?.namespace), asText(source.path), asText(asMap(source.helm)?.valueFiles)]);
      const images = asText(asMap(metadata.annotations)![IMAGE_LIST])!.split(',').map((item) => item.trim().replace(/^[\w-]+=/, '')).filter(Boolean);
      const at = { path, line: line(['metadata', 'annotations', IMAGE_LIST]) ?? 1 };
      return [{ system: 'argo-cd', file: path, job: name, line: line(['kind']), activities: images.map((image) => updater('argocd-image-updater', image, environment, at)) }];
    }
    if (root.kind === 'ImageUpdater') {
      return asList(asMap(root.spec)?.applicationRefs).flatMap((value, index): CiJobFact[] => {
        const ref = asMap(value) ?? {};
        const app = asText(ref.namePattern) ?? name;
        const at = { path, line: line(['spec', 'applicationRefs', index]) ?? 1 };
        const images = asList(ref.images).map((image) => asText(asMap(image)?.imageName)).filter((image): image is string => image !== undefined);
        return [{ system: 'argo-cd', file: path, job: app, line: at.line, activities: images.map((image) => updater('argocd-image-updater', image, environmentAmong([app, name]), at)) }];
      });
    }
    return [];
  });
}

function fluxJobs(documents: readonly GitopsDocument[]): CiJobFact[] {
  const byKind = (kind: string) => documents.filter((d) => d.root.kind === kind && asText(d.root.apiVersion)?.startsWith('image.toolkit.fluxcd.io/'));
  const repositories = new Map(byKind('ImageRepository').map((d) => [asText(asMap(d.root.metadata)?.name) ?? '', asText(asMap(d.root.spec)?.image)]));
  const watched = byKind('ImagePolicy').map((d) => repositories.get(asText(asMap(asMap(d.root.spec)?.imageRepositoryRef)?.name) ?? '')).filter((image): image is string => image !== undefined);
  return byKind('ImageUpdateAutomation').map(({ path, root, line }) => {
    const metadata = asMap(root.metadata) ?? {};
    const name = asText(metadata.name) ?? 'image-update-automation';
    const update = asMap(asMap(root.spec)?.update) ?? {};
    const environment = environmentAmong([asText(update.path), name, asText(metadata.namespace)]);
    const at = { path, line: line(['spec', 'update']) ?? line(['kind']) ?? 1 };
    const images = watched.length > 0 ? [...new Set(watched)] : [undefined];
    return { system: 'flux' as const, file: path, job: name, line: line(['kind']), activities: images.map((image) => updater('flux image automation', image, environment, at)) };
  });
}

function updater(tool: string, image: string | undefined, environment: string | undefined, at: { path: string; line: number }): CiActivity {
  return { kind: 'deploy', confidence: 'medium', tool, ...(image ? { image: image.replace(/:[^/:]*$/, '') } : {}), ...(environment ? { environment } : {}), ...at };
}

/** YAML documents of files that mention an image updater (the text is checked before anything is parsed). */
function gitopsDocuments(snapshot: RepoSnapshot): GitopsDocument[] {
  return snapshot.filesNamedLike(YAML).flatMap((path) => {
    const text = snapshot.text(path);
    const parsed = text !== undefined && MARKER.test(text) ? snapshot.yaml(path) : undefined;
    if (!parsed) return [];
    return parsed.documents.flatMap((root, doc) => (asMap(root) ? [{ path, doc, root: asMap(root)!, line: (keys: Array<string | number>) => parsed.lineOf(keys, doc) }] : []));
  });
}

/** An updater watching an image the pipeline builds closes the loop from commit to deploy: strong. */
export function confirmImageUpdaters(jobs: readonly CiJobFact[]): CiJobFact[] {
  if (!jobs.some(isUpdater)) return [...jobs];
  const built = jobs.flatMap((job) => job.activities.filter((a) => (a.kind === 'image-build' || a.kind === 'image-push') && a.confidence !== 'weak' && a.image).map((a) => a.image!));
  const isBuilt = builtImageMatcher(built);
  return jobs.map((job) =>
    !isUpdater(job) ? job : { ...job, activities: job.activities.map((a) => (a.kind === 'deploy' && a.confidence !== 'weak' && a.image && isBuilt(a.image) ? { ...a, confidence: 'strong' as const } : a)) },
  );
}

function isUpdater(job: CiJobFact): boolean {
  return job.system === 'argo-cd' || job.system === 'flux';
}
