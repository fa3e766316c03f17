import { classifyScript } from '../../src/detectors/ci/commands.js';

/** [tool, environment] of each deploy the lines make. */
function deploys(...texts: string[]) {
  const lines = texts.map((text, index) => ({ text, line: index + 1 }));
  return classifyScript(lines, { path: 'ci.yml', cwd: '.' }).filter((a) => a.kind === 'deploy').map((a) => [a.tool, a.environment]);
}

describe('where a deploy goes, from its flags', () => {
  test.each([
    ['kubectl -n staging apply -f k8s/', 'staging'],
    ['kubectl apply --namespace=qa -f k8s/', 'qa'],
    ['kubectl --context stg-cluster set image deploy/api api=acme/api:1', 'stg'],
    ['kubectl apply -k deploy/overlays/staging', 'staging'],
    ['kubectl apply -f k8s/production/', 'production'],
    ['kubectl apply -f k8s/', undefined],
    ['helm upgrade --install api ./chart -f chart/values.yaml -f chart/values-uat.yaml', 'uat'],
    ['helm upgrade --install api-preview ./chart', 'preview'],
    ['helm upgrade --install api ./chart --kube-context prod-eu', 'prod'],
    ['helmfile -e staging apply', 'staging'],
    ['skaffold run -p staging', 'staging'],
    ['kamal deploy -d staging', 'staging'],
    ['aws ecs update-service --cluster staging-cluster --service api --force-new-deployment', 'staging'],
    ['gcloud run deploy api-dev --image gcr.io/acme/api --region europe-west1', 'dev'],
    ['gcloud run deploy api --image gcr.io/acme/api --project acme-production', 'production'],
    ['az containerapp update -n api -g rg-staging --image acr.io/api:1', 'staging'],
    ['flyctl deploy --config fly.staging.toml', 'staging'],
    ['heroku container:release web -a acme-review', 'review'],
    ['copilot svc deploy --name api --env test', 'test'],
    ['argocd app sync shop-staging', 'staging'],
    ['gke-deploy run --filename=k8s/ --image=gcr.io/acme/api --cluster=qa-cluster --location=us-east1', 'qa'],
  ])('%s', (line, environment) => {
    expect(deploys(line)).toEqual([[expect.any(String), environment]]);
  });

  test('cluster credentials for a staging cluster send the deploys after them there', () => {
    expect(deploys('aws eks update-kubeconfig --name shop-staging --region eu-west-1', 'kubectl apply -f k8s/', 'helm upgrade --install api ./chart')).toEqual([
      ['kubectl apply', 'staging'],
      ['helm upgrade', 'staging'],
    ]);
    expect(deploys('gcloud container clusters get-credentials qa --zone x', 'kubectl rollout restart deploy/api')).toEqual([['kubectl rollout', 'qa']]);
    expect(deploys('az aks get-credentials -g shop -n aks-uat', 'kubectl apply -f k8s')).toEqual([['kubectl apply', 'uat']]);
    expect(deploys('kubectl config use-context production', 'kubectl apply -f k8s')).toEqual([['kubectl apply', 'production']]);
    expect(deploys('export KUBECONFIG=$HOME/.kube/staging.yaml', 'kubectl apply -f k8s')).toEqual([['kubectl apply', 'staging']]);
  });

  test('a flag of the deploy itself wins over the credentials before it', () => {
    expect(deploys('kubectl config use-context staging', 'kubectl -n production apply -f k8s')).toEqual([['kubectl apply', 'production']]);
  });

  test('GitOps from CI: kustomize edit set image in an overlay', () => {
    const lines = [{ text: 'cd deploy/overlays/staging', line: 1 }, { text: 'kustomize edit set image api=ghcr.io/acme/api:$SHA', line: 2 }];
    expect(classifyScript(lines, { path: 'ci.yml', cwd: '.' }).map((a) => [a.kind, a.tool, a.confidence, a.environment])).toEqual([['deploy', 'kustomize edit set image', 'medium', 'staging']]);
  });
});
