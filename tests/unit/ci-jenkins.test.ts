import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import type { CiJobFact } from '../../src/detectors/facts.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]);
const brief = (job: CiJobFact | undefined) => job?.activities.map((a) => [a.kind, a.tool, a.confidence, a.line]);

const DECLARATIVE = lines(
  'pipeline {', //                                                            1
  '  agent any',
  '  environment {',
  "    REGISTRY = 'registry.example.com'",
  '    IMAGE = "${REGISTRY}/acme/api:${env.BUILD_NUMBER}"', //                  5
  '  }',
  '  stages {',
  "    stage('Build') {",
  '      steps {',
  "        dir('services/api') {", //                                         10
  "          sh 'docker build -t $IMAGE .'",
  '        }',
  '      }',
  '    }',
  "    stage('Test') {", //                                                   15
  '      agent {',
  '        dockerfile {',
  "          filename 'Dockerfile.ci'",
  "          dir 'ci'",
  '        }', //                                                             20
  '      }',
  '      steps {',
  "        sh 'make test'",
  '      }',
  '    }', //                                                                 25
  "    stage('Push') {",
  '      steps {',
  "        withCredentials([usernamePassword(credentialsId: 'registry', usernameVariable: 'USER', passwordVariable: 'PASS')]) {",
  '          sh """',
  '            echo \\$PASS | docker login -u \\$USER --password-stdin ${REGISTRY}', // 30
  '            docker push \\$IMAGE',
  '          """',
  '        }',
  '      }',
  '    }', //                                                                 35
  "    stage('Deploy to Staging') {",
  "      when { branch 'main' }",
  '      steps {',
  '        sh "kubectl --context staging set image deployment/api api=${IMAGE}"',
  '      }', //                                                               40
  '    }',
  "    stage('QA') {",
  '      steps {',
  '        // docker push registry.example.com/acme/api:qa',
  "        echo 'waiting for QA /* not a comment */'", //                     45
  '      }',
  '    }',
  '  }',
  '}',
);

describe('jenkins', () => {
  test('declarative stages: sh steps, dir, a dockerfile agent, multi-line sh, deploy stages', () => {
    const { facts, findings } = runCi({ Jenkinsfile: DECLARATIVE });
    expect(findings).toEqual([]);
    expect(facts.ci.configs).toEqual([{ system: 'jenkins', path: 'Jenkinsfile' }]);
    expect(facts.ci.jobs.map((job) => [job.job, job.line])).toEqual([['Build', 8], ['Test', 15], ['Push', 26], ['Deploy to Staging', 36], ['QA', 42]]);
    const [build, test, push, deploy, qa] = facts.ci.jobs;
    expect(build?.activities).toEqual([
      { kind: 'image-build', confidence: 'strong', tool: 'docker build', context: 'services/api', image: '$IMAGE', pushes: false, path: 'Jenkinsfile', line: 11 },
    ]);
    expect(brief(test)).toEqual([['image-build', 'agent dockerfile', 'strong', 17], ['test-in-image', 'agent dockerfile', 'strong', 17]]);
    expect(test?.activities[0]).toMatchObject({ context: 'ci', dockerfile: 'ci/Dockerfile.ci' });
    expect(brief(push)).toEqual([['registry-login', 'docker login', 'strong', 30], ['image-push', 'docker push', 'strong', 31]]);
    expect(deploy?.activities.map((a) => [a.kind, a.tool, a.line, a.environment])).toEqual([['deploy', 'kubectl set image', 39, 'staging']]);
    expect(qa?.activities.map((a) => [a.kind, a.tool, a.confidence, a.line, a.environment])).toEqual([['deploy', 'job name', 'medium', 42, 'qa']]);
  });

  test('scripted pipeline with the Docker Pipeline plugin', () => {
    const scripted = lines(
      'node {',
      '  def app',
      "  stage('Clone') {",
      '    checkout scm',
      '  }', //                                                                   5
      "  stage('Build image') {",
      '    app = docker.build("acme/web:${env.BUILD_ID}", "-f docker/web.Dockerfile ./web")',
      '  }',
      "  stage('Test image') {",
      '    app.inside {', //                                                      10
      "      sh 'npm test'",
      '    }',
      "    docker.image('postgres:16').withRun('-e POSTGRES_PASSWORD=x') { c ->",
      '    }',
      '  }', //                                                                   15
      "  stage('Push image') {",
      "    docker.withRegistry('https://registry.hub.docker.com', 'docker-hub-credentials') {",
      '      app.push("${env.BUILD_NUMBER}")',
      '      app.push("latest")',
      '    }', //                                                                 20
      '  }',
      '}',
    );
    const { facts } = runCi({ 'ci/Jenkinsfile.release': scripted });
    expect(facts.ci.jobs.map((job) => [job.job, brief(job)])).toEqual([
      ['Clone', []],
      ['Build image', [['image-build', 'docker.build', 'strong', 7]]],
      ['Test image', [['test-in-image', 'docker.image.inside', 'strong', 10]]],
      ['Push image', [['registry-login', 'docker.withRegistry', 'strong', 17], ['image-push', 'docker.image.push', 'strong', 18], ['image-push', 'docker.image.push', 'strong', 19]]],
    ]);
    expect(facts.ci.jobs[1]?.activities[0]).toMatchObject({ context: 'web', dockerfile: 'docker/web.Dockerfile', image: 'acme/web:${env.BUILD_ID}' });
  });

  test('a docker agent is a weak job image on the pipeline; old flat stages name jobs', () => {
    const agent = lines('pipeline {', "  agent { docker { image 'node:20-alpine' } }", '  stages {', "    stage('Test') { steps { sh 'npm ci && npm test' } }", '  }', '}');
    const flat = lines('node {', "  stage 'Package'", "  sh 'docker buildx build --push -t acme/app .'", "  stage 'Smoke'", "  sh './smoke.sh'", '}');
    const { facts } = runCi({ 'build.jenkinsfile': agent, 'jenkins/Jenkinsfile': flat, 'docs/Jenkinsfile.md': 'sh "docker push x"' });
    expect(facts.ci.configs.map((c) => c.path)).toEqual(['build.jenkinsfile', 'jenkins/Jenkinsfile']);
    expect(facts.ci.jobs.map((job) => [job.file, job.job, brief(job)])).toEqual([
      ['build.jenkinsfile', 'pipeline', [['job-image', 'agent docker', 'weak', 2]]],
      ['build.jenkinsfile', 'Test', []],
      ['jenkins/Jenkinsfile', 'Package', [['image-build', 'docker buildx build', 'strong', 3]]],
      ['jenkins/Jenkinsfile', 'Smoke', []],
    ]);
  });

  test('unbalanced or odd Groovy never throws', () => {
    const odd = lines('pipeline {', "  stage('x') {", '    sh """', '      docker build .', '/* never closed', "stage('y')");
    const { facts, findings } = runCi({ Jenkinsfile: odd });
    expect(findings).toEqual([]);
    expect(facts.ci.jobs.map((job) => job.job)).toEqual(['x']);
  });
});
