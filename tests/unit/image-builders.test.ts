import { detect, lines } from '../helpers/detect.js';
import { composeDetector } from '../../src/detectors/compose/index.js';
import { imageBuildersDetector } from '../../src/detectors/image-builders/index.js';
import { parseHcl } from '../../src/parsers/hcl.js';

type Files = Record<string, string>;

function builders(files: Files) {
  return detect(files, [composeDetector, imageBuildersDetector]).facts.imageBuilders.map((b) => {
    const { builder, directory, path, line, dockerfile, target, members } = b;
    return { builder, directory, path, line, ...(dockerfile ? { dockerfile } : {}), ...(target ? { target } : {}), ...(members ? { members } : {}) };
  });
}

const jibPlugin = lines('    <plugin>', '      <groupId>com.google.cloud.tools</groupId>', '      <artifactId>jib-maven-plugin</artifactId>', '    </plugin>');

describe('image builders without a Dockerfile', () => {
  test.each<[string, Files, ReturnType<typeof builders>]>([
    // Jib
    ['Jib Maven plugin', { 'api/pom.xml': lines('<project>', '  <build><plugins>', jibPlugin, '  </plugins></build>', '</project>') }, [{ builder: 'jib', directory: 'api', path: 'api/pom.xml', line: 3 }]],
    ['Jib on a Maven parent applies to its modules', { 'pom.xml': lines('<project>', '<packaging>pom</packaging>', '<modules><module>api</module></modules>', '<build><plugins>', jibPlugin, '</plugins></build></project>') }, [{ builder: 'jib', directory: '.', path: 'pom.xml', line: 5, members: true }]],
    ['Jib only in pluginManagement is not applied', { 'pom.xml': lines('<project><build><pluginManagement><plugins>', jibPlugin, '</plugins></pluginManagement></build></project>') }, []],
    ['Jib skipped', { 'pom.xml': lines('<project><build><plugins>', '<plugin><artifactId>jib-maven-plugin</artifactId><configuration><skip>true</skip></configuration></plugin>', '</plugins></build></project>') }, []],
    ['Jib commented out', { 'pom.xml': lines('<project><build><plugins>', '<!--', jibPlugin, '-->', '</plugins></build></project>') }, []],
    ['Jib Gradle plugin (Groovy)', { 'api/build.gradle': lines('plugins {', "  id 'java'", "  id 'com.google.cloud.tools.jib' version '3.4.4'", '}') }, [{ builder: 'jib', directory: 'api', path: 'api/build.gradle', line: 3 }]],
    ['Jib Gradle plugin declared with apply false', { 'build.gradle.kts': lines('plugins {', '  id("com.google.cloud.tools.jib") version "3.4.4" apply false', '}') }, []],
    ['Jib applied to subprojects', { 'build.gradle': lines('subprojects {', "  apply plugin: 'com.google.cloud.tools.jib'", '}') }, [{ builder: 'jib', directory: '.', path: 'build.gradle', line: 2, members: true }]],
    ['Jib applied to one project by name', { 'build.gradle': lines("project(':services:api') {", "  apply plugin: 'com.google.cloud.tools.jib'", '}') }, [{ builder: 'jib', directory: 'services/api', path: 'build.gradle', line: 2 }]],
    ['Jib goal in a Makefile', { Makefile: lines('image:', '\t./mvnw -pl api compile jib:build -Dimage=ghcr.io/acme/api'), 'api/pom.xml': '<project/>' }, [{ builder: 'jib', directory: 'api', path: 'Makefile', line: 2 }]],
    ['Jib Gradle task of a project in CI', { '.github/workflows/ci.yml': lines('jobs:', '  build:', '    steps:', '      - run: ./gradlew :services:api:jib'), 'services/api/build.gradle': '' }, [{ builder: 'jib', directory: 'services/api', path: '.github/workflows/ci.yml', line: 4 }]],
    // ko
    ['ko config with builds', { '.ko.yaml': lines('defaultBaseImage: cgr.dev/chainguard/static', 'builds:', '  - id: api', '    dir: .', '    main: ./cmd/api') }, [{ builder: 'ko', directory: 'cmd/api', path: '.ko.yaml', line: 3 }]],
    ['ko config without builds', { 'svc/.ko.yaml': 'defaultBaseImage: cgr.dev/chainguard/static\n' }, [{ builder: 'ko', directory: 'svc', path: 'svc/.ko.yaml', line: 1 }]],
    ['ko:// reference in a manifest', { 'go.mod': 'module github.com/acme/app\n', 'config/deploy.yaml': lines('spec:', '  containers:', '    - image: ko://github.com/acme/app/cmd/server') }, [{ builder: 'ko', directory: 'cmd/server', path: 'config/deploy.yaml', line: 3 }]],
    ['ko build in a script', { 'hack/release.sh': lines('#!/bin/sh', 'KO_DOCKER_REPO=ghcr.io/acme ko build --bare ./cmd/server'), 'cmd/server/main.go': 'package main\n' }, [{ builder: 'ko', directory: 'cmd/server', path: 'hack/release.sh', line: 2 }]],
    // Buildpacks
    ['project.toml', { 'web/project.toml': lines('[_]', 'schema-version = "0.2"', '[io.buildpacks]', 'builder = "paketobuildpacks/builder-jammy-base"') }, [{ builder: 'buildpacks', directory: 'web', path: 'web/project.toml', line: 1 }]],
    ['pack build --path in CI', { '.gitlab-ci.yml': lines('image:', '  script:', '    - pack build registry/app --path ./app --builder paketobuildpacks/builder-jammy-base'), 'app/main.go': '' }, [{ builder: 'buildpacks', directory: 'app', path: '.gitlab-ci.yml', line: 3 }]],
    ['Spring Boot build-image goal configured', { 'pom.xml': lines('<project><build><plugins><plugin>', '<artifactId>spring-boot-maven-plugin</artifactId>', '<configuration><image><name>ghcr.io/acme/app</name></image></configuration>', '</plugin></plugins></build></project>') }, [{ builder: 'buildpacks', directory: '.', path: 'pom.xml', line: 1 }]],
    ['Spring Boot plugin alone builds no image', { 'pom.xml': '<project><build><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build></project>' }, []],
    ['bootBuildImage configured in Gradle', { 'api/build.gradle.kts': lines('plugins { id("org.springframework.boot") }', 'tasks.named<BootBuildImage>("bootBuildImage") {', '  imageName.set("acme/api")', '}') }, [{ builder: 'buildpacks', directory: 'api', path: 'api/build.gradle.kts', line: 2 }]],
    ['bootBuildImage only in Gradle comments', { 'build.gradle': lines('/* bootBuildImage {', '} */', '// bootBuildImage { }') }, []],
    ['Quarkus buildpack extension in a pom', { 'pom.xml': lines('<project><dependencies>', '<dependency><artifactId>quarkus-container-image-buildpack</artifactId></dependency>', '</dependencies></project>') }, [{ builder: 'buildpacks', directory: '.', path: 'pom.xml', line: 2 }]],
    ['Quarkus Jib extension in a pom', { 'pom.xml': lines('<project><dependencies>', '<dependency><artifactId>quarkus-container-image-jib</artifactId></dependency>', '</dependencies></project>') }, [{ builder: 'jib', directory: '.', path: 'pom.xml', line: 2 }]],
    ['a jib block configures the Gradle plugin', { 'build.gradle': lines("apply plugin: 'java'", 'jib {', "  to { image = 'acme/app' }", '}') }, [{ builder: 'jib', directory: '.', path: 'build.gradle', line: 2 }]],
    ['Jib only in Gradle comments', { 'build.gradle': lines("// id 'com.google.cloud.tools.jib'", '/* jib {', '} */') }, []],
    ['bootBuildImage in a package script', { 'package.json': JSON.stringify({ scripts: { image: './gradlew bootBuildImage' } }), 'build.gradle': '' }, [{ builder: 'buildpacks', directory: '.', path: 'package.json', line: 1 }]],
    // Earthly
    ['Earthfile SAVE IMAGE', { 'Earthfile': lines('VERSION 0.8', 'FROM golang:1.23', '', 'build:', '  COPY . .', '  RUN go build -o app', '', 'docker:', '  COPY +build/app .', '  SAVE IMAGE --push ghcr.io/acme/app:latest') }, [{ builder: 'earthly', directory: '.', path: 'Earthfile', line: 10, target: 'docker' }]],
    ['root Earthfile target that copies one service', { 'Earthfile': lines('VERSION 0.8', 'api-image:', '  FROM node:22', '  COPY services/api/package.json services/api/src ./', '  SAVE IMAGE acme/api') }, [{ builder: 'earthly', directory: 'services/api', path: 'Earthfile', line: 5, target: 'api-image' }]],
    ['Earthfile without SAVE IMAGE builds no image', { 'Earthfile': lines('VERSION 0.8', 'test:', '  FROM golang:1.23', '  RUN go test ./...') }, []],
    // Nixpacks, Railpack
    ['nixpacks.toml', { 'nixpacks.toml': '[phases.setup]\nnixPkgs = ["nodejs_22"]\n' }, [{ builder: 'nixpacks', directory: '.', path: 'nixpacks.toml', line: 1 }]],
    ['railpack.json', { 'api/railpack.json': '{"$schema": "https://schema.railpack.com"}' }, [{ builder: 'railpack', directory: 'api', path: 'api/railpack.json', line: 1 }]],
    ['railway.toml choosing Nixpacks', { 'railway.toml': '[build]\nbuilder = "NIXPACKS"\n' }, [{ builder: 'nixpacks', directory: '.', path: 'railway.toml', line: 1 }]],
    ['railway.json choosing a Dockerfile builds no image without one', { 'railway.json': '{"build": {"builder": "DOCKERFILE"}}' }, []],
    // .NET SDK containers
    ['.NET project with container settings', { 'src/Api/Api.csproj': lines('<Project Sdk="Microsoft.NET.Sdk.Web">', '  <PropertyGroup>', '    <ContainerRepository>acme/api</ContainerRepository>', '  </PropertyGroup>', '</Project>') }, [{ builder: 'dotnet-sdk-container', directory: 'src/Api', path: 'src/Api/Api.csproj', line: 3 }]],
    ['dotnet publish -t:PublishContainer in CI', { '.github/workflows/ci.yml': lines('jobs:', '  b:', '    steps:', '      - run: dotnet publish src/Api/Api.csproj -t:PublishContainer'), 'src/Api/Api.csproj': '<Project/>' }, [{ builder: 'dotnet-sdk-container', directory: 'src/Api', path: '.github/workflows/ci.yml', line: 4 }]],
    // Compose inline Dockerfile
    ['Compose dockerfile_inline', { 'compose.yaml': lines('services:', '  web:', '    build:', '      context: ./site', '      dockerfile_inline: FROM nginx:1.27') }, [{ builder: 'compose-dockerfile-inline', directory: 'site', path: 'compose.yaml', line: 3, target: 'web' }]],
  ])('%s', (_name, files, expected) => {
    expect(builders(files)).toEqual(expected);
  });
});

describe('Docker Bake', () => {
  const hcl = lines(
    '# bake file', //                                          1
    'variable "TAG" { default = "latest" }', //                2
    'group "default" { targets = ["api", "web"] }', //         3
    'target "_common" {', //                                   4
    '  args = { NODE_VERSION = "22" }', //                     5
    '}', //                                                    6
    'target "docker-metadata-action" {}', //                   7
    'target "api" {', //                                       8
    '  inherits = ["_common", "docker-metadata-action"]', //   9
    '  context = "services/api"', //                          10
    '  tags = ["ghcr.io/acme/api:${TAG}"]', //                 11
    '}', //                                                    12
    'target "web" {', //                                       13
    '  context = "./services/web"', //                         14
    '  dockerfile = "docker/web.Dockerfile"', //               15
    '  platforms = split(",", "linux/amd64,linux/arm64")', //  16
    '}', //                                                    17
    'target "remote" {', //                                    18
    '  context = "https://github.com/acme/x.git"', //          19
    '}', //                                                    20
    'target "inline" {', //                                    21
    '  dockerfile-inline = <<EOT', //                          22
    'FROM alpine', //                                          23
    'EOT', //                                                  24
    '}', //                                                    25
  );

  test('targets that are built, with their contexts and Dockerfiles; inherited-only and remote ones left out', () => {
    const files = { 'docker-bake.hcl': hcl, 'services/api/Dockerfile': 'FROM node:22\n', 'services/web/docker/web.Dockerfile': 'FROM nginx\n' };
    expect(builders(files)).toEqual([
      { builder: 'docker-bake', directory: 'services/api', path: 'docker-bake.hcl', line: 8, dockerfile: 'services/api/Dockerfile', target: 'api' },
      { builder: 'docker-bake', directory: 'services/web', path: 'docker-bake.hcl', line: 13, dockerfile: 'services/web/docker/web.Dockerfile', target: 'web' },
      { builder: 'docker-bake', directory: '.', path: 'docker-bake.hcl', line: 21, target: 'inline' },
    ]);
  });

  test('JSON bake files and files passed with -f', () => {
    const files = {
      'docker-bake.json': JSON.stringify({ target: { app: { context: 'app', dockerfile: 'Dockerfile' } } }),
      'build/images.hcl': lines('target "worker" {', '  context = "worker"', '}'),
      Makefile: lines('images:', '\tdocker buildx bake -f build/images.hcl --push'),
      'app/Dockerfile': 'FROM x\n', 'build/worker/Dockerfile': 'FROM y\n',
    };
    expect(builders(files).map((b) => [b.path, b.target, b.directory, b.dockerfile])).toEqual([
      ['build/images.hcl', 'worker', 'build/worker', 'build/worker/Dockerfile'],
      ['docker-bake.json', 'app', 'app', 'app/Dockerfile'],
    ]);
  });

  test('the HCL reader keeps lines, skips expressions and never throws on broken input', () => {
    const root = parseHcl(hcl);
    expect(root.blocks.map((b) => [b.type, b.labels[0], b.line])).toEqual([
      ['variable', 'TAG', 2], ['group', 'default', 3], ['target', '_common', 4], ['target', 'docker-metadata-action', 7],
      ['target', 'api', 8], ['target', 'web', 13], ['target', 'remote', 18], ['target', 'inline', 21],
    ]);
    expect(root.blocks[5]?.attributes).toEqual({ context: './services/web', dockerfile: 'docker/web.Dockerfile', platforms: undefined });
    expect(root.blocks[7]?.attributes['dockerfile-inline']).toBe('FROM alpine\n');
    for (const broken of ['target "x" {', 'target "x" { context = ', '"unterminated', '}}}', 'a = [1, {b = (c']) expect(() => parseHcl(broken)).not.toThrow();
  });
});

describe('builders in sample directories', () => {
  test('a Bake target under a fixture never containerizes the product around it', () => {
    const { facts } = detect({
      'package.json': JSON.stringify({ scripts: { start: 'node .' } }),
      'tests/fixtures/bake/docker-bake.hcl': 'target "docs" {\n  context = "docs"\n}\n',
      'tests/fixtures/bake/docs/index.md': '# docs\n',
    });
    const root = facts.services.find((s) => s.path === '.');
    expect(root?.builders).toEqual([]);
    expect(facts.services.find((s) => s.path === 'tests/fixtures/bake/docs')).toMatchObject({ builders: ['docker-bake'], confidence: 'weak' });
  });
});
