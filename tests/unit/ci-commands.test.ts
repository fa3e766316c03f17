import { classifyScript, type ScriptLine } from '../../src/detectors/ci/commands.js';

/** Script lines numbered from 10, as if written in a block starting there. */
function script(...texts: string[]): ScriptLine[] {
  return texts.map((text, index) => ({ text, line: 10 + index }));
}

function classify(texts: string[], cwd: string | undefined = '.') {
  return classifyScript(script(...texts), { path: 'ci.yml', cwd });
}

/** [kind, tool, line] of every activity. */
function summary(texts: string[], cwd?: string) {
  return classify(texts, cwd).map((a) => [a.kind, a.tool, a.line]);
}

describe('image builds', () => {
  test.each([
    ['docker build -t app .', { tool: 'docker build', context: '.', image: 'app', pushes: false }],
    ['docker build -f api/Dockerfile -t registry.example.com/api:$CI_COMMIT_SHA api', { context: 'api', dockerfile: 'api/Dockerfile', image: 'registry.example.com/api:$CI_COMMIT_SHA' }],
    ['docker buildx build --platform linux/amd64,linux/arm64 --push -t ghcr.io/acme/web:latest ./web', { tool: 'docker buildx build', context: 'web', pushes: true }],
    ['docker image build --file=Dockerfile.prod .', { tool: 'docker image build', dockerfile: 'Dockerfile.prod', context: '.' }],
    ['podman build -t quay.io/acme/app -f Containerfile .', { tool: 'podman build', dockerfile: 'Containerfile' }],
    ['buildah bud -t app:ci -f ./build/Dockerfile .', { tool: 'buildah bud', dockerfile: 'build/Dockerfile' }],
    ['buildah build --layers -t app .', { tool: 'buildah build', context: '.' }],
    ['sudo docker build -t app .', { tool: 'docker build' }],
    ['DOCKER_BUILDKIT=1 docker build --build-arg VERSION=$VERSION -t app:$VERSION .', { context: '.', image: 'app:$VERSION' }],
    ['docker build -t app $CI_PROJECT_DIR/services/api', { context: 'services/api' }],
    ['docker build -t app -f ${{ github.workspace }}/api/Dockerfile ${{ github.workspace }}/api', { context: 'api', dockerfile: 'api/Dockerfile' }],
    ['docker build -t app "${BITBUCKET_CLONE_DIR}/web"', { context: 'web' }],
    ['docker build -t app $(Build.SourcesDirectory)/src', { context: 'src' }],
    ['docker buildx build --output type=image,push=true -t x .', { pushes: true }],
    ['/kaniko/executor --context $CI_PROJECT_DIR --dockerfile $CI_PROJECT_DIR/docker/Dockerfile --destination $CI_REGISTRY_IMAGE:$CI_COMMIT_TAG', { tool: 'kaniko', context: '.', dockerfile: 'docker/Dockerfile', image: '$CI_REGISTRY_IMAGE:$CI_COMMIT_TAG', pushes: true }],
    ['/kaniko/executor --context "${CI_PROJECT_DIR}/api" --dockerfile Dockerfile --no-push', { tool: 'kaniko', context: 'api', dockerfile: 'api/Dockerfile', pushes: false }],
    ['executor --context=dir://./web --destination=gcr.io/acme/web:1', { tool: 'kaniko', context: 'web', pushes: true }],
    ['docker compose build', { tool: 'docker compose build' }],
    ['docker-compose -f docker-compose.ci.yml build --pull web', { tool: 'docker-compose build' }],
    ['pack build acme/app --builder paketobuildpacks/builder-jammy-base --publish', { tool: 'pack build', image: 'acme/app', pushes: true }],
    ['./mvnw -B compile jib:build -Dimage=acme/app', { tool: 'mvnw jib:build', pushes: true }],
    ['./gradlew jibDockerBuild', { tool: 'gradlew jibDockerBuild', pushes: false }],
    ['gcloud builds submit --tag gcr.io/$PROJECT_ID/api api', { tool: 'gcloud builds submit', context: 'api', image: 'gcr.io/$PROJECT_ID/api', pushes: true }],
    ['az acr build --registry acme --image web:{{.Run.ID}} --file Dockerfile.web ./web', { tool: 'az acr build', context: 'web', dockerfile: 'web/Dockerfile.web', pushes: true }],
  ])('%s', (line, expected) => {
    const [build] = classify([line]).filter((a) => a.kind === 'image-build');
    expect(build).toMatchObject({ kind: 'image-build', confidence: 'strong', path: 'ci.yml', line: 10, ...expected });
  });

  test.each(['docker build -t app https://github.com/acme/app.git#main', 'docker build -t app $CONTEXT_DIR', 'docker build -t app ../outside'])(
    'a context outside the repository or in a variable is not known: %s',
    (line) => expect(classify([line])[0]?.context).toBeUndefined(),
  );

  test('-f is relative to the current directory, not the context', () => {
    const [build] = classify(['docker build -f docker/app.Dockerfile -t app ./src'], 'services/api');
    expect(build).toMatchObject({ context: 'services/api/src', dockerfile: 'services/api/docker/app.Dockerfile' });
  });

  test('cd, pushd and popd move the build context; an unknown cd forgets it', () => {
    const activities = classify(['cd services/api', 'docker build -t api .', 'pushd ../web && docker build -t web . && popd', 'docker build -t api2 .', 'cd $HOME/src', 'docker build -t x .']);
    expect(activities.map((a) => a.context)).toEqual(['services/api', 'services/web', 'services/api', undefined]);
  });

  test('a cd inside bash -c stays in that subshell', () => {
    expect(classify(['bash -c "cd web && docker build -t web ."', 'docker build -t root .']).map((a) => a.context)).toEqual(['web', '.']);
  });

  test('--target test is a build and a test run inside the image', () => {
    expect(summary(['docker build --target test -t app:test .'])).toEqual([
      ['image-build', 'docker build', 10],
      ['test-in-image', 'docker build', 10],
    ]);
  });

  test('line continuations join, and the command keeps its first line', () => {
    const activities = classify(['echo building', 'docker build \\', '  --file api/Dockerfile \\', '  --tag api:1 \\', '  api', 'docker push api:1']);
    expect(activities.map((a) => [a.kind, a.line, a.dockerfile])).toEqual([
      ['image-build', 11, 'api/Dockerfile'],
      ['image-push', 15, undefined],
    ]);
  });
});

describe('pushes and logins', () => {
  test.each([
    ['docker push $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA', 'image-push', 'docker push'],
    ['podman push quay.io/acme/app:1', 'image-push', 'podman push'],
    ['buildah push app docker://registry.example.com/app:1', 'image-push', 'buildah push'],
    ['docker image push --all-tags acme/app', 'image-push', 'docker image push'],
    ['docker compose push', 'image-push', 'docker compose push'],
    ['docker manifest push acme/app:1', 'image-push', 'docker manifest push'],
    ['crane copy acme/app:sha acme/app:prod', 'image-push', 'crane copy'],
    ['skopeo copy docker-archive:app.tar docker://ghcr.io/acme/app:1', 'image-push', 'skopeo copy'],
    ['docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" $CI_REGISTRY', 'registry-login', 'docker login'],
    ['echo "$CI_REGISTRY_PASSWORD" | docker login $CI_REGISTRY -u $CI_REGISTRY_USER --password-stdin', 'registry-login', 'docker login'],
    ['podman login -u x -p y quay.io', 'registry-login', 'podman login'],
    ['aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 123.dkr.ecr.eu-west-1.amazonaws.com', 'registry-login', 'aws ecr get-login-password'],
    ['$(aws ecr get-login --no-include-email --region us-east-1)', 'registry-login', 'aws ecr get-login'],
    ['gcloud auth configure-docker europe-docker.pkg.dev --quiet', 'registry-login', 'gcloud auth configure-docker'],
    ['az acr login --name acme', 'registry-login', 'az acr login'],
    ['heroku container:login', 'registry-login', 'heroku container:login'],
  ])('%s', (line, kind, tool) => {
    expect(summary([line])).toEqual([[kind, tool, 10]]);
  });

  test('the pushed image is recorded', () => {
    expect(classify(['docker push ghcr.io/acme/api:${{ github.sha }}'])[0]?.image).toBe('ghcr.io/acme/api:${{ github.sha }}');
  });

  test('build and push chained with && and ; are both found', () => {
    expect(summary(['docker build -t app . && docker push app; docker logout'])).toEqual([
      ['image-build', 'docker build', 10],
      ['image-push', 'docker push', 10],
    ]);
  });
});

describe('tests inside images', () => {
  test.each([
    ['docker run --rm -e CI=true $IMAGE npm test', 'docker run'],
    ['docker run --rm app:ci pytest -q tests/', 'docker run'],
    ['docker run -v $PWD:/src -w /src golang:1.22 go test ./...', 'docker run'],
    ['docker run --rm --entrypoint pytest app:test', 'docker run'],
    ['docker run --rm acme/api:$SHA sh -c "bundle exec rspec"', 'docker run'],
    ['docker run --rm app ./mvnw -B verify', 'docker run'],
    ['podman run --rm app make test', 'podman run'],
    ['docker compose run --rm app pytest', 'docker compose run'],
    ['docker-compose run test', 'docker-compose run'],
    ['docker compose run --rm -e RAILS_ENV=test web bin/rails test', 'docker compose run'],
    ['docker compose -f docker-compose.test.yml up --exit-code-from sut', 'docker compose up'],
    ['docker-compose up --build --abort-on-container-exit', 'docker-compose up'],
    ['docker compose exec -T api python manage.py test', 'docker compose exec'],
  ])('%s', (line, tool) => {
    expect(summary([line])).toEqual([['test-in-image', tool, 10]]);
  });

  test('docker run of a test command stays medium until the pipeline knows the image', () => {
    expect(classify(['docker run --rm app npm test'])[0]).toMatchObject({ confidence: 'medium', image: 'app' });
    expect(classify(['docker compose run --rm app npm test'])[0]?.confidence).toBe('strong');
  });
});
