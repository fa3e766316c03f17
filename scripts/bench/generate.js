// Builds the benchmark's synthetic monorepo: a few hundred services in mixed languages (~50,000
// tracked files, Dockerfiles for most, one Compose file, several CI configs), an ignored
// node_modules of ~100,000 files and a .git-like directory. Deterministic (seeded), and reused
// when a tree of the same shape is already there.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const SHAPE = { version: 2, services: 320, filesPerService: 156, nodeModulesPackages: 2000, filesPerPackage: 50, gitObjects: 3000 };

/** mulberry32: a tiny seeded generator, so every machine benchmarks the same tree. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LANGUAGES = {
  node: {
    manifest: (name) => ({ 'package.json': JSON.stringify({ name, version: '1.0.0', scripts: { build: 'tsc', start: 'node dist/index.js', test: 'jest' }, dependencies: { express: '^4.19.0' } }, null, 2) }),
    dockerfile: 'FROM node:20-alpine AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\nFROM node:20-alpine\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nUSER node\nEXPOSE 3000\nCMD ["node", "dist/index.js"]\n',
    entry: () => ['src/index.ts', "import express from 'express';\n\nexpress().listen(3000);\n"],
    source: (i) => [`src/module${i}.ts`, `export function handler${i}(input: string): string {\n  return input.trim() + '${i}';\n}\n`],
  },
  python: {
    manifest: (name) => ({ 'pyproject.toml': `[project]\nname = "${name}"\nversion = "1.0.0"\ndependencies = ["flask>=3"]\n`, 'requirements.txt': 'flask>=3\ngunicorn\n' }),
    dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nUSER 1000\nCMD ["gunicorn", "app:app"]\n',
    entry: () => ['app.py', 'from flask import Flask\n\napp = Flask(__name__)\n'],
    source: (i) => [`app/module_${i}.py`, `def handler_${i}(value):\n    return str(value).strip() + "${i}"\n`],
  },
  go: {
    manifest: (name) => ({ 'go.mod': `module example.com/${name}\n\ngo 1.22\n\nrequire github.com/gorilla/mux v1.8.1\n` }),
    dockerfile: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static\nCOPY --from=build /out/app /app\nUSER nonroot\nENTRYPOINT ["/app"]\n',
    entry: (name) => [`cmd/${name}/main.go`, 'package main\n\nfunc main() {}\n'],
    source: (i) => [`internal/pkg${i % 10}/file${i}.go`, `package pkg${i % 10}\n\nfunc Handler${i}(s string) string { return s + "${i}" }\n`],
  },
  java: {
    manifest: (name) => ({ 'pom.xml': `<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.example</groupId>\n  <artifactId>${name}</artifactId>\n  <version>1.0.0</version>\n  <packaging>jar</packaging>\n</project>\n` }),
    dockerfile: 'FROM maven:3.9-eclipse-temurin-21 AS build\nWORKDIR /src\nCOPY . .\nRUN mvn -q package\n\nFROM eclipse-temurin:21-jre\nCOPY --from=build /src/target/app.jar /app.jar\nUSER 1000\nCMD ["java", "-jar", "/app.jar"]\n',
    entry: () => ['src/main/java/com/example/Application.java', 'package com.example;\n\npublic class Application {\n  public static void main(String[] args) {}\n}\n'],
    source: (i) => [`src/main/java/com/example/Handler${i}.java`, `package com.example;\n\npublic class Handler${i} {\n  public String handle(String s) { return s + "${i}"; }\n}\n`],
  },
};
const LANGUAGE_NAMES = Object.keys(LANGUAGES);

export function generateTree(root) {
  const marker = join(root, '.bench-shape.json');
  if (existsSync(marker)) {
    const previous = JSON.parse(readFileSync(marker, 'utf8'));
    if (JSON.stringify(previous.shape) === JSON.stringify(SHAPE)) return { reused: true, tracked: previous.tracked, ignored: previous.ignored };
  }
  rmSync(root, { recursive: true, force: true });
  const next = random(20240601);
  let tracked = 0;
  let ignored = 0;
  const write = (path, content, counts = true) => {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
    if (counts) tracked++;
    else ignored++;
  };

  write('.gitignore', 'node_modules/\n*.log\ncoverage/\ntmp/\n.cache/\n');
  write('README.md', '# Synthetic monorepo for containerize-check benchmarks\n');
  const composeServices = [];
  const ciJobs = [];
  for (let s = 0; s < SHAPE.services; s++) {
    const language = LANGUAGE_NAMES[Math.floor(next() * LANGUAGE_NAMES.length)];
    const spec = LANGUAGES[language];
    const name = `svc-${String(s).padStart(3, '0')}-${language}`;
    const dir = `services/${name}`;
    for (const [file, content] of Object.entries(spec.manifest(name))) write(`${dir}/${file}`, content);
    const dockerized = next() < 0.85; // most, not all: some services still need their first Dockerfile
    if (dockerized) write(`${dir}/Dockerfile`, spec.dockerfile);
    if (dockerized && next() < 0.3) write(`${dir}/.dockerignore`, '.git\nnode_modules\n*.log\n');
    // Most services are applications with an entry point; the rest are libraries, which
    // detectors that look for one read further into.
    if (next() < 0.9) write(`${dir}/${spec.entry(name)[0]}`, spec.entry(name)[1]);
    for (let i = 0; i < SHAPE.filesPerService - 5; i++) {
      const [file, content] = spec.source(i);
      write(`${dir}/${file}`, content);
    }
    write(`${dir}/README.md`, `# ${name}\n`);
    write(`${dir}/debug.log`, 'ignored by .gitignore\n', false);
    if (s % 5 === 0) write(`${dir}/coverage/lcov.info`, 'TN:\n', false);
    if (dockerized && composeServices.length < 40) composeServices.push(`  ${name}:\n    build: ./${dir}\n    ports:\n      - "${8000 + s}:8080"\n`);
    if (dockerized && ciJobs.length < 60) ciJobs.push(`  build-${name}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker build -t registry.example.com/${name}:\${{ github.sha }} ${dir}\n`);
  }
  write('compose.yaml', `services:\n${composeServices.join('')}  db:\n    image: postgres:16\n`);
  write('.github/workflows/build.yml', `name: build\non: [push]\njobs:\n${ciJobs.join('')}`);
  write('.github/workflows/test.yml', 'name: test\non: [pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n');
  write('.gitlab-ci.yml', 'stages: [build]\nbuild:\n  stage: build\n  image: docker:27\n  services: [docker:27-dind]\n  script:\n    - docker build -t $CI_REGISTRY_IMAGE .\n    - docker push $CI_REGISTRY_IMAGE\n');
  write('Jenkinsfile', "pipeline {\n  agent any\n  stages {\n    stage('Build') { steps { sh 'docker build -t app .' } }\n  }\n}\n");

  for (let p = 0; p < SHAPE.nodeModulesPackages; p++) {
    const pkg = `node_modules/pkg-${p}`;
    write(`${pkg}/package.json`, JSON.stringify({ name: `pkg-${p}`, version: '1.0.0' }), false);
    for (let f = 0; f < SHAPE.filesPerPackage - 1; f++) write(`${pkg}/lib/file${f}.js`, `module.exports = ${f};\n`, false);
  }
  write('.git/HEAD', 'ref: refs/heads/main\n', false);
  write('.git/info/exclude', '# git ls-files --others --exclude-from=.git/info/exclude\n', false);
  for (let o = 0; o < SHAPE.gitObjects; o++) write(`.git/objects/${(o % 256).toString(16).padStart(2, '0')}/${o.toString(16).padStart(38, '0')}`, Buffer.alloc(64, o % 251), false);

  tracked++; // the marker itself
  writeFileSync(marker, JSON.stringify({ shape: SHAPE, tracked, ignored }));
  return { reused: false, tracked, ignored };
}
