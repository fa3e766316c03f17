import { classifyScript, type ScriptLine } from '../../src/detectors/ci/commands.js';

function classify(texts: string[], options: { remote?: boolean } = {}) {
  const lines: ScriptLine[] = texts.map((text, index) => ({ text, line: 1 + index }));
  return classifyScript(lines, { path: '.gitlab-ci.yml', cwd: '.', ...options });
}

const summary = (texts: string[], options?: { remote?: boolean }) => classify(texts, options).map((a) => [a.kind, a.tool, a.confidence, a.line]);

describe('deploy commands', () => {
  test.each([
    ['kubectl apply -f k8s/', 'kubectl apply'],
    ['kubectl -n staging set image deployment/api api=$IMAGE:$CI_COMMIT_SHA', 'kubectl set image'],
    ['kubectl --context staging rollout restart deployment/web', 'kubectl rollout'],
    ['oc rollout latest dc/app', 'oc rollout'],
    ['helm upgrade --install api ./charts/api --namespace staging --set image.tag=$TAG', 'helm upgrade'],
    ['helm install web bitnami/nginx', 'helm install'],
    ['helmfile -e staging apply', 'helmfile apply'],
    ['kustomize build overlays/staging | kubectl apply -f -', 'kustomize build | kubectl apply'],
    ['skaffold run -p staging --default-repo $REGISTRY', 'skaffold run'],
    ['skaffold deploy --build-artifacts=build.json', 'skaffold deploy'],
    ['argocd app sync guestbook --prune', 'argocd app sync'],
    ['argocd app set api --kustomize-image api=acme/api:$TAG', 'argocd app set'],
    ['flux reconcile kustomization apps --with-source', 'flux reconcile'],
    ['docker stack deploy -c docker-stack.yml app', 'docker stack deploy'],
    ['docker service update --image acme/api:2 api', 'docker service update'],
    ['aws ecs update-service --cluster staging --service api --force-new-deployment', 'aws ecs update-service'],
    ['aws --region eu-west-1 ecs deploy --service api --task-definition td.json', 'aws ecs deploy'],
    ['gcloud run deploy api --image europe-docker.pkg.dev/acme/api:$SHA --region europe-west1', 'gcloud run deploy'],
    ['gcloud beta run deploy web --source .', 'gcloud run deploy'],
    ['az containerapp update -n api -g rg --image acme.azurecr.io/api:$(Build.BuildId)', 'az containerapp update'],
    ['az containerapp up --name api --source .', 'az containerapp up'],
    ['az webapp config container set --name web --resource-group rg --docker-custom-image-name acme/web:1', 'az webapp config container'],
    ['fly deploy --remote-only', 'fly deploy'],
    ['flyctl deploy --app acme-staging', 'flyctl deploy'],
    ['heroku container:push web -a acme-staging', 'heroku container:push'],
    ['heroku container:release web -a acme-staging', 'heroku container:release'],
    ['copilot deploy --env staging', 'copilot deploy'],
    ['copilot svc deploy --name api --env test', 'copilot svc deploy'],
    ['kamal deploy -d staging', 'kamal deploy'],
    ['ssh deploy@$STAGING_HOST "cd /srv/app && docker compose pull && docker compose up -d"', 'ssh docker'],
    ['ssh -i key -o StrictHostKeyChecking=no $USER@$HOST docker-compose up -d', 'ssh docker-compose'],
    ['sshpass -p "$PASS" ssh root@host "docker pull acme/app && docker restart app"', 'ssh docker'],
    ['DOCKER_HOST=ssh://deploy@staging.example.com docker compose up -d', 'docker compose up'],
    ['docker -H ssh://deploy@host compose -f compose.prod.yml up -d --wait', 'docker compose up'],
  ])('%s', (line, tool) => {
    expect(summary([line])).toEqual([['deploy', tool, 'strong', 1]]);
  });

  test('an ssh heredoc running compose is a deploy at the ssh line', () => {
    expect(summary(['ssh deploy@host << EOF', '  cd /srv/app', '  docker compose pull', '  docker compose up -d', 'EOF', 'echo done'])).toEqual([
      ['deploy', 'ssh docker', 'strong', 1],
    ]);
  });

  test('docker context and exported DOCKER_HOST make later compose commands remote', () => {
    expect(summary(['docker context use staging', 'docker compose up -d', 'docker context use default', 'docker compose up -d'])).toEqual([
      ['deploy', 'docker compose up', 'strong', 2],
    ]);
    expect(summary(['export DOCKER_HOST="ssh://deploy@host"', 'docker compose up -d --remove-orphans'])).toEqual([['deploy', 'docker compose up', 'strong', 2]]);
  });

  test('a remote script (an ssh action) deploys with plain docker commands', () => {
    expect(summary(['cd ~/app', 'docker compose pull', 'docker compose up -d'], { remote: true })).toEqual([['deploy', 'docker compose up', 'strong', 3]]);
  });
});

describe('named tasks are medium evidence', () => {
  test.each([
    ['make docker-build', 'image-build', 'make docker-build'],
    ['make TAG=$CI_COMMIT_SHA docker-push', 'image-push', 'make docker-push'],
    ['make -C services/api image', 'image-build', 'make image'],
    ['npm run docker:build', 'image-build', 'npm docker:build'],
    ['yarn docker:publish', 'image-push', 'yarn docker:publish'],
    ['./scripts/build-and-push-image.sh', 'image-build', './scripts/build-and-push-image.sh'],
    ['bash ci/deploy.sh staging', 'deploy', 'ci/deploy.sh'],
    ['make deploy-staging', 'deploy', 'make deploy-staging'],
  ])('%s', (line, kind, tool) => {
    expect(summary([line])).toEqual([[kind, tool, 'medium', 1]]);
  });

  test('the environment a deploy script is given is kept', () => {
    expect(classify(['./deploy.sh staging'])[0]?.environment).toBe('staging');
    expect(classify(['make deploy-production'])[0]?.environment).toBe('production');
  });
});

describe('not container activities', () => {
  test.each([
    '# docker push acme/app',
    '   # docker build -t app .',
    'npm run build',
    'npm test',
    'make build',
    'go build ./...',
    'echo "docker build"',
    'docker build --help',
    'docker push --help',
    'docker pull acme/app:latest',
    'docker compose up -d',
    'docker-compose up -d db redis',
    'docker run -d -p 5432:5432 postgres:16',
    'docker run --rm hadolint/hadolint < Dockerfile',
    'docker compose run --rm app bundle exec rails db:migrate',
    'kubectl get pods -n staging',
    'kubectl apply --dry-run=client -f k8s/',
    'helm lint charts/api',
    'helm upgrade --install api ./chart --dry-run',
    'helm template charts/api',
    'aws s3 sync build/ s3://bucket',
    'gcloud container clusters get-credentials prod --zone europe-west1-b',
    'az login --service-principal -u x -p y --tenant z',
    'make docker-up',
    'make docker-clean',
    './gradlew test',
    'cat > Dockerfile <<EOF',
    'ssh host uptime',
    'docker logout',
  ])('%s', (line) => {
    expect(classify([line])).toEqual([]);
  });

  test('a heredoc written to a file is data, not commands', () => {
    expect(classify(['cat > deploy.sh <<"EOF"', 'docker push acme/app', 'EOF'])).toEqual([]);
  });

  test('a heredoc given to bash is run', () => {
    expect(summary(['bash <<EOF', 'docker push acme/app', 'EOF'])).toEqual([['image-push', 'docker push', 'strong', 1]]);
  });

  test('a comment after a command is not part of it', () => {
    expect(summary(['docker build -t app . # then docker push app'])).toEqual([['image-build', 'docker build', 'strong', 1]]);
  });
});
