/**
 * Small repositories, one per language and package manager, for the scaffolding tests: unit
 * tests build memory snapshots from them, the round trip writes them to disk.
 */
export interface ScaffoldProject {
  files: Record<string, string>;
  /** What the generated Dockerfile must contain, beyond the rules every template follows. */
  expect: { from: string[]; port?: number; command: string };
  /** Steps 6 and 7 are done after `init all` when the generated CI can run the tests. */
  testsInCi: boolean;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export const SCAFFOLD_PROJECTS: Record<string, ScaffoldProject> = {
  'node-npm': {
    files: {
      'package.json': json({ name: 'shop', engines: { node: '>=20' }, scripts: { start: 'node server.js', test: 'node --test' }, dependencies: { express: '^4.21.0', pg: '^8.13.0' } }),
      'package-lock.json': json({ lockfileVersion: 3 }),
      'server.js': "require('express')().listen(process.env.PORT || 3000);\n",
    },
    expect: { from: ['node:20-slim'], port: 3000, command: 'CMD ["node", "server.js"]' },
    testsInCi: true,
  },
  'node-pnpm': {
    files: {
      'package.json': json({ name: 'web', packageManager: 'pnpm@9.12.0', scripts: { build: 'tsc', start: 'node dist/main.js', test: 'vitest run' }, dependencies: { fastify: '^5.0.0', ioredis: '^5' }, devDependencies: { typescript: '^5', vitest: '^2' } }),
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      '.nvmrc': '22.11.0\n',
      'tsconfig.json': json({ compilerOptions: { outDir: './dist' } }),
      'src/main.ts': "import Fastify from 'fastify';\nFastify().listen({ port: 8080, host: '0.0.0.0' });\n",
    },
    expect: { from: ['node:22.11.0-slim'], port: 8080, command: 'CMD ["node", "dist/main.js"]' },
    testsInCi: true,
  },
  'node-yarn': {
    files: {
      'package.json': json({ name: 'worker', main: 'index.js', dependencies: { koa: '^2', kafkajs: '^2' } }),
      'yarn.lock': '# yarn lockfile v1\n',
      'index.js': "new (require('koa'))().listen(4000);\n",
    },
    expect: { from: ['node:22-slim'], port: 4000, command: 'CMD ["node", "index.js"]' },
    testsInCi: false,
  },
  'python-pip': {
    files: {
      'requirements.txt': 'flask==3.0.3\ngunicorn==22.0.0\npsycopg2-binary==2.9.9\nredis==5.0.8\n',
      'requirements-dev.txt': 'pytest==8.3.2\n',
      '.python-version': '3.12.4\n',
      'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
    },
    expect: { from: ['python:3.12.4-slim'], port: 8000, command: 'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]' },
    testsInCi: true,
  },
  'python-uv': {
    files: {
      'pyproject.toml': '[project]\nname = "orders"\nversion = "0.1.0"\nrequires-python = ">=3.11"\ndependencies = ["fastapi>=0.110", "uvicorn>=0.30", "asyncpg>=0.29"]\n\n[dependency-groups]\ndev = ["pytest>=8"]\n',
      'uv.lock': 'version = 1\n',
      'main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
    },
    expect: { from: ['python:3.11-slim'], port: 8000, command: 'CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]' },
    testsInCi: true,
  },
  'python-poetry': {
    files: {
      'pyproject.toml': '[tool.poetry]\nname = "jobs"\nversion = "0.1.0"\n\n[tool.poetry.dependencies]\npython = "^3.11"\ncelery = "^5.4"\nredis = "^5"\n',
      'poetry.lock': '# lock\n',
      'tasks.py': 'from celery import Celery\napp = Celery("tasks")\n',
    },
    expect: { from: ['python:3.11-slim'], command: 'CMD ["celery", "-A", "tasks", "worker", "--loglevel=INFO"]' },
    testsInCi: false,
  },
  go: {
    files: {
      'go.mod': 'module example.com/orders\n\ngo 1.23.2\n\nrequire github.com/redis/go-redis/v9 v9.6.1\n',
      'go.sum': '',
      'cmd/orders/main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":9000", nil) }\n',
    },
    expect: { from: ['golang:1.23.2', 'gcr.io/distroless/static-debian12:nonroot'], port: 9000, command: 'ENTRYPOINT ["/app/orders"]' },
    testsInCi: true,
  },
  'java-maven': {
    files: {
      'pom.xml': '<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.example</groupId>\n  <artifactId>billing</artifactId>\n  <version>1.0.0</version>\n  <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.3.0</version></parent>\n  <properties><java.version>17</java.version></properties>\n  <dependencies><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency></dependencies>\n  <build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>\n</project>\n',
      'src/main/java/com/example/BillingApplication.java': 'package com.example;\n\n@SpringBootApplication\npublic class BillingApplication { public static void main(String[] args) {} }\n',
    },
    expect: { from: ['maven:3.9-eclipse-temurin-17', 'eclipse-temurin:17-jre'], port: 8080, command: 'ENTRYPOINT ["java", "-jar", "/app/app.jar"]' },
    testsInCi: true,
  },
  'java-gradle': {
    files: {
      'build.gradle.kts': 'plugins { id("org.springframework.boot") version "3.3.0" }\njava { toolchain { languageVersion = JavaLanguageVersion.of(21) } }\ndependencies { implementation("org.springframework.boot:spring-boot-starter-data-redis") }\n',
      'settings.gradle.kts': 'rootProject.name = "catalog"\n',
      gradlew: '#!/bin/sh\n',
      'gradle/wrapper/gradle-wrapper.properties': 'distributionUrl=https\\://services.gradle.org/distributions/gradle-8.10-bin.zip\n',
      'src/main/kotlin/Application.kt': 'fun main() {}\n',
      'src/main/resources/application.properties': 'server.port=8081\n',
    },
    expect: { from: ['eclipse-temurin:21-jdk', 'eclipse-temurin:21-jre'], port: 8081, command: 'ENTRYPOINT ["java", "-jar", "/app/app.jar"]' },
    testsInCi: true,
  },
  dotnet: {
    files: {
      'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>\n  <ItemGroup><PackageReference Include="Npgsql" Version="8.0.3" /></ItemGroup>\n</Project>\n',
      'Program.cs': 'var app = WebApplication.Create(args);\napp.Run();\n',
    },
    expect: { from: ['mcr.microsoft.com/dotnet/sdk:8.0', 'mcr.microsoft.com/dotnet/aspnet:8.0'], port: 8080, command: 'ENTRYPOINT ["dotnet", "Api.dll"]' },
    testsInCi: false,
  },
  rust: {
    files: {
      'Cargo.toml': '[package]\nname = "rusty"\nversion = "0.1.0"\nedition = "2021"\nrust-version = "1.80"\n\n[dependencies]\naxum = "0.7"\nredis = "0.25"\n',
      'Cargo.lock': '# lock\n',
      'src/main.rs': 'fn main() { let addr = "0.0.0.0:3001"; let _ = addr; }\n',
    },
    expect: { from: ['rust:1.80-slim', 'gcr.io/distroless/cc-debian12:nonroot'], port: 3001, command: 'ENTRYPOINT ["/app/rusty"]' },
    testsInCi: true,
  },
  ruby: {
    files: {
      Gemfile: 'source "https://rubygems.org"\nruby "3.3.4"\ngem "sinatra"\ngem "pg"\ngem "rspec", group: :test\n',
      'Gemfile.lock': 'GEM\n',
      'config.ru': 'require "./app"\nrun Sinatra::Application\n',
      'app.rb': 'require "sinatra"\n',
    },
    expect: { from: ['ruby:3.3.4-slim'], port: 9292, command: 'CMD ["bundle", "exec", "rackup", "--host", "0.0.0.0", "--port", "9292"]' },
    testsInCi: true,
  },
  php: {
    files: {
      'composer.json': json({ name: 'acme/shop', require: { php: '^8.2', 'ext-pdo_pgsql': '*', 'predis/predis': '^2.2' }, 'require-dev': { 'phpunit/phpunit': '^11' } }),
      'composer.lock': '{}\n',
      'public/index.php': '<?php echo "hi";\n',
    },
    expect: { from: ['composer:2.8', 'php:8.2-apache'], port: 8080, command: 'CMD ["apache2-foreground"]' },
    testsInCi: true,
  },
};
