import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import type { CiJobFact } from '../../src/detectors/facts.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]);
const brief = (job: CiJobFact | undefined) => job?.activities.map((a) => [a.kind, a.tool, a.confidence, a.line, a.environment ?? a.image ?? a.context]);

describe('codefresh', () => {
  test('build steps push by default, a freestyle step in the built image tests it, deploy and helm steps', () => {
    const { facts, findings } = runCi({
      'codefresh.yml': lines(
        'version: "1.0"', // 1
        'stages: [clone, build, test, deploy]',
        'steps:',
        '  main_clone:',
        '    type: git-clone', // 5
        '    repo: acme/shop',
        '  build_image:',
        '    type: build',
        '    image_name: acme/shop',
        '    working_directory: ${{main_clone}}/api', // 10
        '    tag: ${{CF_SHORT_REVISION}}',
        '  unit_tests:',
        '    stage: test',
        '    image: ${{build_image}}',
        '    commands: [npm test]', // 15
        '  deploy_staging:',
        '    type: helm',
        '    arguments:',
        '      action: install',
        '      chart_name: charts/shop', // 20
        '      release_name: shop',
        '      namespace: staging',
        '  deploy_prod:',
        '    type: deploy',
        '    kind: kubernetes', // 25
        '    cluster: prod-gke',
        '    service: shop',
      ),
    });
    expect(findings).toEqual([]);
    expect(facts.ci.jobs.map((job) => [job.job, brief(job)])).toEqual([
      ['main_clone', []],
      ['build_image', [['image-build', 'codefresh build', 'strong', 8, 'acme/shop:${{CF_SHORT_REVISION}}']]],
      ['unit_tests', [['test-in-image', 'image', 'strong', 14, 'acme/shop:${{CF_SHORT_REVISION}}']]],
      ['deploy_staging', [['deploy', 'codefresh helm', 'strong', 17, 'staging']]],
      ['deploy_prod', [['deploy', 'codefresh deploy', 'strong', 24, 'prod']]],
    ]);
    expect([facts.ci.jobs[1]!.activities[0]!.context, facts.ci.jobs[1]!.activities[0]!.dockerfile, facts.ci.jobs[1]!.activities[0]!.pushes]).toEqual(['api', 'api/Dockerfile', true]);
  });

  test('disable_push keeps the image local; parallel steps are opened up', () => {
    const { facts } = runCi({
      'codefresh.yml': lines('version: "1.0"', 'steps:', '  both:', '    type: parallel', '    steps:', '      web:', '        type: build', '        image_name: acme/web', '        disable_push: true'),
    });
    expect(facts.ci.jobs.map((job) => [job.job, job.activities.map((a) => [a.kind, a.pushes])])).toEqual([['web', [['image-build', false]]]]);
  });
});
