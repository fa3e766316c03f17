import { detect, lines } from '../helpers/detect.js';

function services(files: Record<string, string>) {
  return detect(files).facts.services.map((s) => ({ path: s.path, language: s.language, kind: s.kind, confidence: s.confidence, dockerfiles: s.dockerfiles }));
}

const startScript = JSON.stringify({ scripts: { start: 'node index.js' } });

describe('services detector', () => {
  test.each([
    ['Node app with a start script', { 'package.json': startScript }, 'javascript', 'app'],
    ['TypeScript app (tsconfig)', { 'package.json': JSON.stringify({ dependencies: { express: '4' } }), 'tsconfig.json': '{}' }, 'typescript', 'app'],
    ['published Node library', { 'package.json': JSON.stringify({ name: 'lib', exports: './index.js', types: './index.d.ts' }) }, 'javascript', 'library'],
    ['Python with requirements.txt', { 'requirements.txt': 'requests\n' }, 'python', 'app'],
    ['Django project', { 'pyproject.toml': '[project]\nname="x"\n', 'manage.py': '' }, 'python', 'app'],
    ['Python library', { 'pyproject.toml': '[project]\nname = "lib"\n[build-system]\nrequires=["hatchling"]\n' }, 'python', 'library'],
    ['Go command', { 'go.mod': 'module x\n', 'cmd/server/main.go': 'package main\n' }, 'go', 'app'],
    ['Go library', { 'go.mod': 'module x\n', 'lib.go': 'package lib\n' }, 'go', 'library'],
    ['Rust binary', { 'Cargo.toml': '[package]\nname="x"\n', 'src/main.rs': 'fn main(){}' }, 'rust', 'app'],
    ['Rust library', { 'Cargo.toml': '[package]\nname="x"\n', 'src/lib.rs': '' }, 'rust', 'library'],
    ['Spring Boot (Maven)', { 'pom.xml': '<project><parent><artifactId>spring-boot-starter-parent</artifactId></parent></project>' }, 'java', 'app'],
    ['Kotlin Gradle app', { 'build.gradle.kts': 'plugins { application }\n' }, 'kotlin', 'app'],
    ['ASP.NET web project', { 'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>' }, 'csharp', 'app'],
    ['.NET class library', { 'Lib.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>' }, 'csharp', 'library'],
    ['Rails app', { Gemfile: "gem 'rails'\n", 'config/application.rb': '' }, 'ruby', 'app'],
    ['Laravel app', { 'composer.json': '{"type":"project"}', artisan: '' }, 'php', 'app'],
    ['Elixir app', { 'mix.exs': 'defmodule X.MixProject do\nend\n' }, 'elixir', 'app'],
  ])('%s', (_name, files, language, kind) => {
    expect(services(files)).toEqual([expect.objectContaining({ path: '.', language, kind })]);
  });

  test('backend markers win over front-end tooling in the same directory', () => {
    const found = services({ Gemfile: "gem 'rails'\n", 'config/application.rb': '', 'package.json': JSON.stringify({ dependencies: { esbuild: '1' } }) });
    expect(found).toEqual([expect.objectContaining({ path: '.', language: 'ruby' })]);
  });

  test('workspace roots are not services; their members are', () => {
    const found = services({
      'package.json': JSON.stringify({ private: true, workspaces: ['apps/*', 'packages/*'] }),
      'apps/web/package.json': JSON.stringify({ dependencies: { next: '15' } }),
      'packages/ui/package.json': JSON.stringify({ name: '@x/ui', exports: './index.ts' }),
      'Cargo.toml': '[workspace]\nmembers=["crates/*"]\n',
      'crates/cli/Cargo.toml': '[package]\nname="cli"\n',
      'crates/cli/src/main.rs': '',
      'pom.xml': '<project><packaging>pom</packaging></project>',
    });
    expect(found.map((s) => [s.path, s.kind])).toEqual([['apps/web', 'app'], ['crates/cli', 'app'], ['packages/ui', 'library']]);
  });

  test('examples, fixtures and docs are low confidence', () => {
    const found = services({ 'examples/demo/package.json': startScript, 'src/api/package.json': startScript, 'tests/fixtures/x/go.mod': 'module x\n' });
    expect(found.map((s) => [s.path, s.confidence])).toEqual([['examples/demo', 'weak'], ['src/api', 'strong'], ['tests/fixtures/x', 'weak']]);
  });

  test('a directory with only a Dockerfile is a service, its language from its files', () => {
    const found = services({ 'tools/scraper/Dockerfile': lines('FROM ruby:3.3', 'COPY . .', 'CMD ["ruby", "scrape.rb"]'), 'tools/scraper/scrape.rb': 'puts 1\n' });
    expect(found).toEqual([{ path: 'tools/scraper', language: 'ruby', kind: 'app', confidence: 'strong', dockerfiles: ['tools/scraper/Dockerfile'] }]);
  });

  test('Dockerfiles are matched to services by location, by what they copy, and by name', () => {
    const found = services({
      'api/package.json': startScript,
      'api/docker/Dockerfile': 'FROM node:20\n',
      'worker/requirements.txt': 'celery\n',
      'Dockerfile.worker': lines('FROM python:3.12', 'COPY worker/ /app'),
      'web/go.mod': 'module web\n',
      'web/main.go': 'package main\n',
      'docker/web/Dockerfile': 'FROM golang:1.23\n',
    });
    expect(found.map((s) => [s.path, s.dockerfiles])).toEqual([
      ['api', ['api/docker/Dockerfile']],
      ['web', ['docker/web/Dockerfile']],
      ['worker', ['Dockerfile.worker']],
    ]);
  });

  test('a library with a Dockerfile is deployed after all', () => {
    expect(services({ 'go.mod': 'module x\n', 'lib.go': 'package lib\n', Dockerfile: 'FROM golang:1.23\n' })).toEqual([
      expect.objectContaining({ path: '.', kind: 'app', dockerfiles: ['Dockerfile'] }),
    ]);
  });

  test('an invalid Dockerfile is not counted for its service', () => {
    expect(services({ 'package.json': startScript, Dockerfile: 'RUN npm ci\n' })).toEqual([expect.objectContaining({ dockerfiles: [] })]);
  });

  test('a broken package.json still makes a service', () => {
    expect(services({ 'package.json': '{ "name": ' })).toEqual([expect.objectContaining({ path: '.', language: 'javascript' })]);
  });
});
