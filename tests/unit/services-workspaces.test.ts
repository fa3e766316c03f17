import { detect } from '../helpers/detect.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { WorkspaceLayout } from '../../src/detectors/services/workspaces/index.js';

type Files = Record<string, string>;
const json = (value: unknown) => JSON.stringify(value);

function kinds(files: Files) {
  return detect(files).facts.services.map((s) => [s.path, s.kind]);
}

function layout(files: Files) {
  return WorkspaceLayout.of(createMemorySnapshot(files)).workspaces.map((w) => ({ tool: w.tool, root: w.root, members: w.members }));
}

const nodeApp = json({ scripts: { start: 'node server.js' }, dependencies: { express: '4' } });
const nodeLib = json({ name: '@acme/shared', main: 'index.js' });

describe('workspace layouts: members are read, the root is not a service', () => {
  test.each<[string, Files, Array<[string, string]>]>([
    ['npm workspaces', { 'package.json': json({ private: true, workspaces: ['apps/*', 'packages/*'] }), 'apps/api/package.json': nodeApp, 'packages/shared/package.json': nodeLib }, [['apps/api', 'app'], ['packages/shared', 'library']]],
    ['Yarn workspaces (object form)', { 'package.json': json({ private: true, workspaces: { packages: ['services/*'] } }), 'services/api/package.json': nodeApp, 'services/utils/package.json': nodeLib }, [['services/api', 'app'], ['services/utils', 'library']]],
    ['pnpm-workspace.yaml', { 'package.json': json({ private: true, scripts: { dev: 'pnpm -r dev' } }), 'pnpm-workspace.yaml': 'packages:\n  - "apps/*"\n  - "!apps/legacy"\n', 'apps/web/package.json': json({ dependencies: { next: '15' } }) }, [['apps/web', 'app']]],
    ['Lerna', { 'package.json': json({ private: true, devDependencies: { lerna: '8' } }), 'lerna.json': json({ packages: ['modules/*'] }), 'modules/server/package.json': nodeApp, 'modules/core/package.json': nodeLib }, [['modules/core', 'library'], ['modules/server', 'app']]],
    ['Turborepo root with a delegating start script', { 'package.json': json({ private: true, workspaces: ['apps/*'], scripts: { start: 'turbo run start' }, devDependencies: { turbo: '2' } }), 'turbo.json': json({ tasks: {} }), 'apps/api/package.json': nodeApp }, [['apps/api', 'app']]],
    ['Nx integrated repo: hoisted framework dependencies at the root', {
      'nx.json': '{}', 'package.json': json({ name: '@acme/source', private: true, dependencies: { '@nestjs/core': '10', next: '15' }, scripts: {} }),
      'apps/api/project.json': json({ name: 'api', projectType: 'application', targets: { serve: {}, build: {} } }), 'apps/api/src/main.ts': 'export {};\n',
      'apps/api-e2e/project.json': json({ name: 'api-e2e', projectType: 'application', targets: { e2e: {} } }),
      'libs/data/project.json': json({ name: 'data', projectType: 'library' }), 'libs/data/src/index.ts': 'export {};\n',
      'libs/ui/project.json': json({ name: 'ui' }),
    }, [['apps/api', 'app'], ['apps/api-e2e', 'library'], ['libs/data', 'library'], ['libs/ui', 'library']]],
    ['Nx standalone app: the root is the app', { 'nx.json': '{}', 'package.json': json({ name: 'web', private: true }), 'project.json': json({ name: 'web', projectType: 'application' }), 'src/main.tsx': 'export {};\n' }, [['.', 'app']]],
    ['go.work', { 'go.work': 'go 1.23\n\nuse (\n\t./services/api\n\t./pkg/log\n)\n', 'services/api/go.mod': 'module acme/api\n', 'services/api/main.go': 'package main\n', 'pkg/log/go.mod': 'module acme/log\n', 'pkg/log/log.go': 'package log\n' }, [['pkg/log', 'library'], ['services/api', 'app']]],
    ['Cargo workspace with exclude', { 'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\nexclude = ["crates/old"]\n', 'crates/server/Cargo.toml': '[package]\nname = "server"\n', 'crates/server/src/main.rs': '', 'crates/core/Cargo.toml': '[package]\nname = "core"\n', 'crates/core/src/lib.rs': '' }, [['crates/core', 'library'], ['crates/server', 'app']]],
    ['Cargo root package that is also a workspace', { 'Cargo.toml': '[package]\nname = "cli"\n\n[workspace]\nmembers = ["lib"]\n', 'src/main.rs': '', 'lib/Cargo.toml': '[package]\nname = "lib"\n', 'lib/src/lib.rs': '' }, [['.', 'app'], ['lib', 'library']]],
    ['Maven modules', {
      'pom.xml': '<project><packaging>pom</packaging><modules><module>api</module><module>common</module></modules></project>',
      'api/pom.xml': '<project><build><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build></project>', 'api/src/main/java/Api.java': '@SpringBootApplication class Api {}',
      'common/pom.xml': '<project><dependencies><dependency><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>', 'common/src/main/java/Util.java': 'class Util {}',
    }, [['api', 'app'], ['common', 'library']]],
    ['Gradle includes, a member without a build file', {
      'settings.gradle': "rootProject.name = 'shop'\ninclude 'api', 'core'\n", 'build.gradle': "subprojects {\n  apply plugin: 'java'\n}\n",
      'api/src/main/java/shop/ApiApplication.java': '@SpringBootApplication public class ApiApplication { public static void main(String[] args) {} }',
      'core/build.gradle': "plugins { id 'java-library' }\n", 'core/src/main/java/shop/Money.java': 'class Money {}',
    }, [['api', 'app'], ['core', 'library']]],
    ['uv workspace', { 'pyproject.toml': '[tool.uv.workspace]\nmembers = ["packages/*"]\n', 'packages/api/pyproject.toml': '[project]\nname = "api"\ndependencies = ["fastapi"]\n', 'packages/models/pyproject.toml': '[project]\nname = "models"\n' }, [['packages/api', 'app'], ['packages/models', 'library']]],
    ['uv workspace whose root is the app', { 'pyproject.toml': '[project]\nname = "albatross"\ndependencies = ["flask"]\n\n[tool.uv.workspace]\nmembers = ["packages/*"]\n', 'packages/seeds/pyproject.toml': '[project]\nname = "seeds"\n' }, [['.', 'app'], ['packages/seeds', 'library']]],
    ['.NET solution', {
      'Shop.sln': 'Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Shop.Web", "src\\Shop.Web\\Shop.Web.csproj", "{1}"\nEndProject\nProject("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Shop.Core", "src\\Shop.Core\\Shop.Core.csproj", "{2}"\nEndProject\n',
      'src/Shop.Web/Shop.Web.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>', 'src/Shop.Core/Shop.Core.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>',
    }, [['src/Shop.Core', 'library'], ['src/Shop.Web', 'app']]],
    ['Deno workspace', { 'deno.json': json({ workspace: ['./api', './lib'] }), 'api/deno.json': json({ tasks: { start: 'deno serve main.ts' } }), 'lib/deno.json': json({ name: '@x/lib', exports: './mod.ts' }) }, [['api', 'app'], ['lib', 'library']]],
    ['Elixir umbrella released from its root', { 'mix.exs': 'apps_path: "apps",\nreleases: [shop: [applications: [web: :permanent]]]\n', 'apps/web/mix.exs': '{:phoenix, "~> 1.7"}\n', 'apps/core/mix.exs': 'mod: {Core.Application, []}\n' }, [['.', 'app'], ['apps/core', 'library'], ['apps/web', 'library']]],
    ['Elixir umbrella without a root release', { 'mix.exs': 'apps_path: "apps"\n', 'apps/web/mix.exs': '{:phoenix, "~> 1.7"}\n', 'apps/core/mix.exs': 'package: package()\n' }, [['apps/core', 'library'], ['apps/web', 'app']]],
  ])('%s', (_name, files, expected) => {
    expect(kinds(files)).toEqual(expected);
  });

  test('a workspace root with its own server code is a service', () => {
    const files = { 'package.json': json({ workspaces: ['packages/*'], scripts: { start: 'node server.js' } }), 'server.js': '', 'packages/ui/package.json': json({ exports: './index.js' }) };
    expect(kinds(files)).toEqual([['.', 'app'], ['packages/ui', 'library']]);
  });

  test('a package that no workspace glob matches is still a service when it qualifies on its own', () => {
    const files = { 'package.json': json({ workspaces: ['packages/*'] }), 'packages/a/package.json': nodeLib, 'tools/bot/package.json': nodeApp };
    expect(kinds(files)).toEqual([['packages/a', 'library'], ['tools/bot', 'app']]);
  });
});

describe('workspace readers', () => {
  test.each<[string, Files, ReturnType<typeof layout>]>([
    ['go.work single-line use', { 'go.work': 'go 1.22\nuse ./api\n', 'api/go.mod': 'module api\n' }, [{ tool: 'go-work', root: '.', members: ['api'] }]],
    ['Gradle Kotlin DSL include with projectDir', { 'settings.gradle.kts': 'include(":services:api", ":lib")\nproject(":lib").projectDir = file("libs/lib")\n', 'services/api/build.gradle.kts': '', 'libs/lib/build.gradle.kts': '' }, [{ tool: 'gradle', root: '.', members: ['libs/lib', 'services/api'] }]],
    ['.slnx', { 'App.slnx': '<Solution><Project Path="src/Api/Api.csproj" /></Solution>', 'src/Api/Api.csproj': '' }, [{ tool: 'dotnet-solution', root: '.', members: ['src/Api'] }]],
    ['Lerna default packages/*', { 'lerna.json': '{}', 'packages/a/package.json': '{}' }, [{ tool: 'lerna', root: '.', members: ['packages/a'] }]],
    ['a package-level turbo.json is not a root', { 'turbo.json': json({ tasks: {} }), 'apps/web/turbo.json': json({ extends: ['//'] }) }, [{ tool: 'turborepo', root: '.', members: [] }]],
  ])('%s', (_name, files, expected) => {
    expect(layout(files)).toEqual(expected);
  });
});
