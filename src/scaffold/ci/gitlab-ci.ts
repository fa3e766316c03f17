import { isMap, isSeq, parseDocument } from 'yaml';
import { headerComment } from '../header.js';
import type { PlannedImage } from '../images.js';
import type { GeneratedFile, GeneratorInfo } from '../types.js';
import { contextArg, dockerfileFlag, testCommands, testPlan } from './shared.js';

export const GITLAB_ROOT_FILE = '.gitlab-ci.yml';
export const GITLAB_INCLUDED_FILE = '.gitlab/ci/containers.yml';
/** The stages GitLab uses when a pipeline names none: https://docs.gitlab.com/ci/yaml/#stages */
const STAGES = ['build', 'deploy'];

/**
 * GitLab CI: one job per image that tests it inside the image, then builds and pushes it to the
 * project's registry; a deploy-staging skeleton that runs once DEPLOY_STAGING is "true". A
 * repository with a .gitlab-ci.yml gets the jobs in their own file and an `include:` for it.
 */
export function gitlabCiFiles(images: readonly PlannedImage[], generator: GeneratorInfo, existingRoot: string | undefined): GeneratedFile[] {
  const jobs = jobLines(images);
  const header = headerComment(generator, 'ci', [
    'the test commands, and images whose tests are still marked TODO',
    'the deploy-staging job: its cluster access and deployment names are placeholders (TODO)',
  ]);
  if (existingRoot === undefined) {
    return [{ path: GITLAB_ROOT_FILE, kind: 'ci', content: `${[...header, `stages: [${STAGES.join(', ')}]`, '', ...jobs].join('\n')}\n` }];
  }
  const included: GeneratedFile = { path: GITLAB_INCLUDED_FILE, kind: 'ci', content: `${[...header, `# Included from ${GITLAB_ROOT_FILE}.`, '', ...jobs].join('\n')}\n` };
  const root = withInclude(existingRoot);
  return root === existingRoot ? [included] : [included, { path: GITLAB_ROOT_FILE, kind: 'ci', content: root }];
}

function jobLines(images: readonly PlannedImage[]): string[] {
  const lines: string[] = [];
  for (const image of images) {
    const tests = testCommands(image, testPlan(image));
    const tag = `"$CI_REGISTRY_IMAGE/${image.name}:$CI_COMMIT_SHA"`;
    lines.push(
      `build-${image.name}:`,
      '  stage: build',
      '  image: docker:27',
      '  services: [docker:27-dind]',
      '  variables:',
      '    DOCKER_TLS_CERTDIR: /certs',
      '  script:',
      ...(tests.length > 0 ? tests.map((command) => `    - ${command}`) : [`    # TODO: run the tests of ${image.name} in its image: docker run --rm ${image.name}-test <test command>`]),
      '    - echo "$CI_REGISTRY_PASSWORD" | docker login --username "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"',
      `    - docker build --tag ${tag} ${[...dockerfileFlag(image), contextArg(image)].join(' ')}`,
      `    - docker push ${tag}`,
      '',
    );
  }
  lines.push(
    'deploy-staging:',
    '  stage: deploy',
    '  # TODO: any image with kubectl; give it access to the staging cluster (a',
    '  # KUBECONFIG file variable), then set the CI/CD variable DEPLOY_STAGING to "true".',
    '  image:',
    '    name: alpine/k8s:1.31.4',
    "    entrypoint: ['']",
    '  environment:',
    '    name: staging',
    '  rules:',
    '    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $DEPLOY_STAGING == "true"',
    '  script:',
    '    # TODO: the deployment and container names are placeholders (or use',
    '    # helm upgrade --install).',
    ...images.flatMap((image) => [
      `    - kubectl set image deployment/${image.name} ${image.name}="$CI_REGISTRY_IMAGE/${image.name}:$CI_COMMIT_SHA"`,
    ]),
  );
  return lines;
}

/** The team's .gitlab-ci.yml with an `include:` of the generated file and the stages it uses; comments kept. */
function withInclude(text: string): string {
  const document = parseDocument(text);
  if (!isMap(document.contents)) return text;
  const include = document.get('include', true);
  const entry = { local: GITLAB_INCLUDED_FILE };
  const mentions = (value: unknown) => JSON.stringify(value ?? null).includes(GITLAB_INCLUDED_FILE);
  if (mentions(document.toJS().include)) return text;
  if (include === undefined) document.set('include', document.createNode([entry]));
  else if (isSeq(include)) include.add(document.createNode(entry));
  else document.set('include', document.createNode([document.toJS().include, entry]));
  const stages = document.get('stages', true);
  if (isSeq(stages)) {
    const names = stages.toJSON() as unknown[];
    for (const stage of STAGES) if (!names.includes(stage)) stages.add(stage);
  }
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}
