import { headerComment } from '../header.js';
import type { PlannedImage } from '../images.js';
import type { GeneratedFile, GeneratorInfo } from '../types.js';
import { contextPath, dockerfileInContext, testCommands, testPlan, yamlValue } from './shared.js';

export const GITHUB_WORKFLOW_PATH = '.github/workflows/containers.yml';

const LOWERCASE_PREFIX = [
  '      - name: Image names are lower case',
  '        run: echo "IMAGE_PREFIX=ghcr.io/${GITHUB_REPOSITORY,,}" >> "$GITHUB_ENV"',
];

/**
 * A workflow with three jobs: test each image (on pull requests too), build and push every image
 * to GitHub's registry (ghcr.io), and a deploy-to-staging skeleton that stays off until the
 * repository variable DEPLOY_STAGING is `true`.
 * Actions: https://github.com/docker/build-push-action, https://github.com/docker/login-action.
 */
export function githubActionsWorkflow(images: readonly PlannedImage[], generator: GeneratorInfo): GeneratedFile {
  const lines = [
    ...headerComment(generator, 'ci', [
      'the test commands, and services whose tests are still marked TODO',
      'the deploy-staging job: its cluster access and deployment names are placeholders (TODO)',
    ]),
    '',
    'name: containers',
    '',
    'on:',
    '  push:',
    '    branches: [main]',
    '  pull_request:',
    '  workflow_dispatch:',
    '',
    'jobs:',
    '  # The tests run inside the images, in the stage that has the toolchain.',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    ...images.flatMap(testSteps),
    '',
    '  build:',
    '    needs: test',
    "    if: github.event_name != 'pull_request'",
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: read',
    '      packages: write',
    '    steps:',
    '      - uses: actions/checkout@v4',
    ...LOWERCASE_PREFIX,
    '      - uses: docker/setup-buildx-action@v3',
    '      - uses: docker/login-action@v3',
    '        with:',
    '          registry: ghcr.io',
    '          username: ${{ github.actor }}',
    '          password: ${{ secrets.GITHUB_TOKEN }}',
    ...images.flatMap(buildSteps),
    '',
    '  deploy-staging:',
    '    # TODO: fill in the placeholders below, then set the repository variable',
    '    # DEPLOY_STAGING to true; until then this job is skipped.',
    "    if: vars.DEPLOY_STAGING == 'true'",
    '    needs: build',
    '    runs-on: ubuntu-latest',
    '    environment: staging',
    '    steps:',
    ...LOWERCASE_PREFIX,
    '      - uses: azure/setup-kubectl@v4',
    '      - name: Connect to the staging cluster',
    '        # TODO: store the kubeconfig of the staging cluster as the environment',
    '        # secret STAGING_KUBECONFIG.',
    '        env:',
    '          KUBECONFIG_DATA: ${{ secrets.STAGING_KUBECONFIG }}',
    '        run: mkdir -p ~/.kube && printf \'%s\' "$KUBECONFIG_DATA" > ~/.kube/config',
    '      - name: Deploy to staging',
    '        # TODO: the deployment and container names are placeholders (or use',
    '        # helm upgrade --install).',
    '        run: |',
    ...images.flatMap((image) => [
      `          kubectl set image deployment/${image.name} ${image.name}=$IMAGE_PREFIX/${image.name}:$GITHUB_SHA`,
      `          kubectl rollout status deployment/${image.name}`,
    ]),
  ];
  return { path: GITHUB_WORKFLOW_PATH, kind: 'ci', content: `${lines.join('\n')}\n` };
}

function testSteps(image: PlannedImage): string[] {
  const plan = testPlan(image);
  const commands = testCommands(image, plan);
  if (commands.length === 0) {
    return [`      # TODO: run the tests of ${image.name} in its image: build a stage with the`, `      # toolchain, then docker run --rm ${image.name}-test <test command>`];
  }
  return [`      - name: Test ${image.name} in its image`, '        run: |', ...commands.map((command) => `          ${command}`)];
}

function buildSteps(image: PlannedImage): string[] {
  const dockerfile = dockerfileInContext(image);
  return [
    `      - name: Build and push ${image.name}`,
    '        uses: docker/build-push-action@v6',
    '        with:',
    `          context: ${yamlValue(contextPath(image))}`,
    ...(dockerfile ? [`          file: ${yamlValue(`./${dockerfile}`)}`] : []),
    '          push: true',
    `          tags: \${{ env.IMAGE_PREFIX }}/${image.name}:\${{ github.sha }}`,
    `          cache-from: type=gha,scope=${image.name}`,
    `          cache-to: type=gha,mode=max,scope=${image.name}`,
  ];
}
