import { detect, lines } from '../helpers/detect.js';

type Files = Record<string, string>;

function services(files: Files) {
  return detect(files).facts.services.map((s) => ({ path: s.path, language: s.language, kind: s.kind, manifest: s.manifest }));
}

const json = (value: unknown) => JSON.stringify(value);
const pom = (...body: string[]) => `<project>${body.join('')}</project>`;
const bootPlugin = '<build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>';

describe('app or library, per ecosystem', () => {
  test.each<[string, Files, string, 'app' | 'library', string]>([
    // Node
    ['Node: start script', { 'package.json': json({ scripts: { start: 'node server.js' } }) }, 'javascript', 'app', 'package.json'],
    ['Node: express dependency', { 'package.json': json({ dependencies: { express: '4' } }) }, 'javascript', 'app', 'package.json'],
    ['Node: NestJS in TypeScript', { 'package.json': json({ dependencies: { '@nestjs/core': '10' } }), 'tsconfig.json': '{}' }, 'typescript', 'app', 'package.json'],
    ['Node: Next.js', { 'package.json': json({ dependencies: { next: '15', react: '19' } }) }, 'javascript', 'app', 'package.json'],
    ['Node: Fastify', { 'package.json': json({ dependencies: { fastify: '5' } }) }, 'javascript', 'app', 'package.json'],
    ['Node: Vite single-page app', { 'package.json': json({ devDependencies: { vite: '6' }, scripts: { dev: 'vite', build: 'vite build' } }), 'index.html': '' }, 'javascript', 'app', 'package.json'],
    ['Node: CLI with bin and no publish markers', { 'package.json': json({ name: 'tool', bin: { tool: 'cli.js' } }), 'cli.js': '' }, 'javascript', 'app', 'package.json'],
    ['Node: published library', { 'package.json': json({ name: 'lib', exports: './index.js', types: './index.d.ts' }) }, 'javascript', 'library', 'package.json'],
    ['Node: component library built with Vite', { 'package.json': json({ name: '@x/ui', exports: './dist/index.js', devDependencies: { vite: '6', react: '19' }, peerDependencies: { react: '19' } }) }, 'javascript', 'library', 'package.json'],
    ['Node: middleware with express as a peer', { 'package.json': json({ name: 'mw', main: 'index.js', peerDependencies: { express: '4' } }) }, 'javascript', 'library', 'package.json'],
    ['Node: a start script that only watches a build', { 'package.json': json({ name: 'lib', types: 'x.d.ts', scripts: { start: 'tsc -w' } }) }, 'javascript', 'library', 'package.json'],
    ['Node: React Native app ships to stores', { 'package.json': json({ dependencies: { 'react-native': '0.76', expo: '52' }, scripts: { start: 'expo start' } }) }, 'javascript', 'library', 'package.json'],
    // Bun and Deno
    ['Bun: script runs a file with bun', { 'package.json': json({ scripts: { dev: 'bun --watch src/index.ts' } }), 'bun.lockb': '', 'src/index.ts': '' }, 'typescript', 'app', 'package.json'],
    ['Bun: Bun.serve in the module', { 'package.json': json({ module: 'index.ts' }), 'bun.lock': '{}', 'index.ts': 'Bun.serve({ fetch() { return new Response("hi") } })\n' }, 'typescript', 'app', 'package.json'],
    ['Deno: task runs the server', { 'deno.json': json({ tasks: { start: 'deno run -A main.ts' } }), 'main.ts': '' }, 'typescript', 'app', 'deno.json'],
    ['Deno: Fresh app', { 'deno.jsonc': '{ // fresh\n "tasks": { "start": "deno run -A --watch=static/ dev.ts" } }', 'dev.ts': '' }, 'typescript', 'app', 'deno.jsonc'],
    ['Deno: JSR package', { 'deno.json': json({ name: '@x/lib', version: '1.0.0', exports: './mod.ts' }), 'mod.ts': '' }, 'typescript', 'library', 'deno.json'],
    // Go
    ['Go: cmd/server', { 'go.mod': 'module x\n', 'cmd/server/main.go': 'package main\n' }, 'go', 'app', 'go.mod'],
    ['Go: package main at the root, any file name', { 'go.mod': 'module x\n', 'server.go': 'package main\n\nfunc main() {}\n' }, 'go', 'app', 'go.mod'],
    ['Go: library with an example main', { 'go.mod': 'module x\n', 'lib.go': 'package lib\n', 'examples/basic/main.go': 'package main\n' }, 'go', 'library', 'go.mod'],
    ['Go: library with a go:build ignore generator', { 'go.mod': 'module x\n', 'lib.go': 'package lib\n', 'gen/main.go': '//go:build ignore\n\npackage main\n' }, 'go', 'library', 'go.mod'],
    // Rust
    ['Rust: src/main.rs', { 'Cargo.toml': '[package]\nname = "x"\n', 'src/main.rs': 'fn main() {}' }, 'rust', 'app', 'Cargo.toml'],
    ['Rust: [[bin]] target', { 'Cargo.toml': '[package]\nname = "x"\n\n[[bin]]\nname = "srv"\npath = "src/srv.rs"\n', 'src/srv.rs': '' }, 'rust', 'app', 'Cargo.toml'],
    ['Rust: library', { 'Cargo.toml': '[package]\nname = "x"\n', 'src/lib.rs': '' }, 'rust', 'library', 'Cargo.toml'],
    // Java and Kotlin
    ['Maven: Spring Boot plugin', { 'pom.xml': pom(bootPlugin) }, 'java', 'app', 'pom.xml'],
    ['Maven: war packaging', { 'pom.xml': pom('<packaging>war</packaging>') }, 'java', 'app', 'pom.xml'],
    ['Maven: Spring Boot parent, no sources', { 'pom.xml': pom('<parent><artifactId>spring-boot-starter-parent</artifactId></parent>') }, 'java', 'app', 'pom.xml'],
    ['Maven: starters but no main class', { 'pom.xml': pom('<dependencies><dependency><artifactId>spring-boot-starter-data-jpa</artifactId></dependency></dependencies>'), 'src/main/java/x/Repo.java': 'interface Repo {}' }, 'java', 'library', 'pom.xml'],
    ['Maven: a main class in the sources', { 'pom.xml': pom(), 'src/main/java/x/Main.java': 'class Main { public static void main(String[] a) {} }' }, 'java', 'app', 'pom.xml'],
    ['Maven: Spring Boot plugin skipped', { 'pom.xml': pom('<build><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId><configuration><skip>true</skip></configuration></plugin></plugins></build>') }, 'java', 'library', 'pom.xml'],
    ['Gradle: application plugin (Kotlin DSL)', { 'build.gradle.kts': 'plugins { application }\n' }, 'kotlin', 'app', 'build.gradle.kts'],
    ['Gradle: Spring Boot plugin', { 'build.gradle': "plugins {\n  id 'org.springframework.boot' version '3.3.0'\n  id 'java'\n}\n", 'src/main/java/App.java': '' }, 'java', 'app', 'build.gradle'],
    ['Gradle: java-library', { 'build.gradle.kts': 'plugins { `java-library` }\n', 'src/main/kotlin/Lib.kt': '' }, 'kotlin', 'library', 'build.gradle.kts'],
    ['Gradle: bootJar disabled', { 'build.gradle': "plugins { id 'org.springframework.boot' version '3' }\nbootJar { enabled = false }\n" }, 'java', 'library', 'build.gradle'],
    ['Gradle: Ktor main in Kotlin sources', { 'build.gradle.kts': 'plugins { kotlin("jvm") }\n', 'src/main/kotlin/Server.kt': 'fun main() {}\n' }, 'kotlin', 'app', 'build.gradle.kts'],
    // Python
    ['Python: requirements.txt only', { 'requirements.txt': 'requests\n' }, 'python', 'app', 'requirements.txt'],
    ['Python: Django manage.py', { 'pyproject.toml': '[project]\nname="x"\n', 'manage.py': '' }, 'python', 'app', 'pyproject.toml'],
    ['Python: FastAPI app/main.py', { 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["fastapi[standard]>=0.115"]\n', 'app/main.py': '' }, 'python', 'app', 'pyproject.toml'],
    ['Python: Flask dependency', { 'requirements.txt': 'Flask==3.0\n' }, 'python', 'app', 'requirements.txt'],
    ['Python: library with a dev requirements.txt', { 'pyproject.toml': '[project]\nname = "lib"\n[build-system]\nrequires = ["hatchling"]\n', 'requirements.txt': 'pytest\n' }, 'python', 'library', 'pyproject.toml'],
    ['Python: console script entry point', { 'pyproject.toml': '[project]\nname = "tool"\n[project.scripts]\ntool = "tool:main"\n' }, 'python', 'app', 'pyproject.toml'],
    // .NET
    ['.NET: Web SDK', { 'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>' }, 'csharp', 'app', 'Api.csproj'],
    ['.NET: Exe', { 'Worker.csproj': '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup></Project>' }, 'csharp', 'app', 'Worker.csproj'],
    ['.NET: class library', { 'Lib.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>' }, 'csharp', 'library', 'Lib.csproj'],
    ['.NET: test project', { 'Api.Tests.csproj': '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup><ItemGroup><PackageReference Include="Microsoft.NET.Test.Sdk" /></ItemGroup></Project>' }, 'csharp', 'library', 'Api.Tests.csproj'],
    ['.NET: WPF desktop app', { 'Desk.csproj': '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>WinExe</OutputType><UseWPF>true</UseWPF></PropertyGroup></Project>' }, 'csharp', 'library', 'Desk.csproj'],
    ['F#: console app', { 'App.fsproj': '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup></Project>' }, 'fsharp', 'app', 'App.fsproj'],
    // Ruby, PHP, Elixir
    ['Ruby: Rails', { Gemfile: "gem 'rails'\n", 'config/application.rb': '' }, 'ruby', 'app', 'Gemfile'],
    ['Ruby: Rack config.ru', { Gemfile: "gem 'sinatra'\n", 'config.ru': 'run App' }, 'ruby', 'app', 'Gemfile'],
    ['Ruby: gem', { Gemfile: 'gemspec\n', 'x.gemspec': '' }, 'ruby', 'library', 'Gemfile'],
    ['PHP: Laravel artisan', { 'composer.json': json({ type: 'project' }), artisan: '' }, 'php', 'app', 'composer.json'],
    ['PHP: composer + public/index.php', { 'composer.json': json({ require: { 'slim/slim': '4' } }), 'public/index.php': '' }, 'php', 'app', 'composer.json'],
    ['PHP: library', { 'composer.json': json({ name: 'x/lib', type: 'library' }) }, 'php', 'library', 'composer.json'],
    ['Elixir: mix release', { 'mix.exs': 'def project do\n  [app: :x, releases: [x: []]]\nend\n' }, 'elixir', 'app', 'mix.exs'],
    ['Elixir: Phoenix', { 'mix.exs': 'defp deps do\n  [{:phoenix, "~> 1.7"}]\nend\n' }, 'elixir', 'app', 'mix.exs'],
    ['Elixir: hex package', { 'mix.exs': 'def project do\n  [app: :lib, package: package()]\nend\n' }, 'elixir', 'library', 'mix.exs'],
  ])('%s', (_name, files, language, kind, manifest) => {
    expect(services(files)).toEqual([{ path: '.', language, kind, manifest }]);
  });
});

describe('several manifests in one directory', () => {
  test.each<[string, Files, string]>([
    ['Rails with a package.json for esbuild', { Gemfile: "gem 'rails'\n", 'config/application.rb': '', 'package.json': json({ scripts: { build: 'esbuild app/javascript/*.*' }, devDependencies: { esbuild: '0.24' } }) }, 'ruby'],
    ['Django with a package.json for Tailwind', { 'requirements.txt': 'django\n', 'manage.py': '', 'package.json': json({ scripts: { start: 'tailwindcss -w' }, devDependencies: { tailwindcss: '3' } }) }, 'python'],
    ['Laravel with Vite', { 'composer.json': json({ type: 'project' }), artisan: '', 'package.json': json({ devDependencies: { vite: '6', 'laravel-vite-plugin': '1' } }) }, 'php'],
    ['Phoenix with its assets', { 'mix.exs': '{:phoenix, "~> 1.7"}\n', 'assets/package.json': json({ devDependencies: { esbuild: '0.24' } }) }, 'elixir'],
  ])('%s is one service', (_name, files, language) => {
    expect(services(files)).toEqual([expect.objectContaining({ path: '.', language, kind: 'app' })]);
  });

  test('a front-end bundle inside a backend app is part of it; one with its own Dockerfile is a service', () => {
    const base = { 'manage.py': '', 'requirements.txt': 'django\n', 'frontend/package.json': json({ devDependencies: { vite: '6', react: '19' }, scripts: { dev: 'vite' } }) };
    expect(services(base).map((s) => s.path)).toEqual(['.']);
    expect(services({ ...base, 'frontend/Dockerfile': lines('FROM node:22', 'RUN npm ci') }).map((s) => [s.path, s.kind])).toEqual([['.', 'app'], ['frontend', 'app']]);
  });

  test('a Node server next to a backend is its own service', () => {
    const found = services({ 'manage.py': '', 'requirements.txt': 'django\n', 'realtime/package.json': json({ dependencies: { 'socket.io': '4', express: '4' } }) });
    expect(found.map((s) => [s.path, s.language])).toEqual([['.', 'python'], ['realtime', 'javascript']]);
  });

  test('a package.json holding only repository tooling (husky, prettier) is no project', () => {
    const tooling = json({ private: true, scripts: { prepare: 'husky' }, devDependencies: { husky: '9', prettier: '3', '@commitlint/cli': '19' } });
    expect(services({ 'package.json': tooling, 'api/go.mod': 'module api\n', 'api/main.go': 'package main\n' }).map((s) => s.path)).toEqual(['api']);
    expect(services({ 'package.json': '{ "name": ' })).toEqual([{ path: '.', language: 'javascript', kind: 'app', manifest: 'package.json' }]);
  });

  test('a project.json outside an Nx workspace is not Nx\'s', () => {
    expect(services({ 'project.json': json({ name: 'anything' }), 'package.json': json({ scripts: { start: 'node .' } }) })).toEqual([
      { path: '.', language: 'javascript', kind: 'app', manifest: 'package.json' },
    ]);
  });
});
