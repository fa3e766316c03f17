import { compareText } from '../../compare-text.js';
import { defineDockerfileTemplate, type ImageProfile } from './define.js';
import { cacheMount, cachedRun, lines } from './instructions.js';
import { findPort } from '../project/port.js';
import type { ServiceFiles } from '../project/service-files.js';

const DEFAULT_GO = '1.24';
/** Static binaries need no libc; the nonroot tag runs as an unprivileged user. */
const RUNTIME_IMAGE = 'gcr.io/distroless/static-debian12:nonroot';

interface GoProfile extends ImageProfile {
  version: string;
  /** The main package to build, as `go build` takes it (`.`, `./cmd/api`). */
  main: string;
  binary: string;
  hasSum: boolean;
  vendored: boolean;
}

/** https://docs.docker.com/guides/golang/build-images/ */
export const goTemplate = defineDockerfileTemplate<GoProfile>({
  id: 'go',
  fits: (files) => files.has('go.mod'),
  inspect(files) {
    const review: string[] = [];
    const goMod = files.text('go.mod') ?? '';
    const version = /^toolchain\s+go(\d+\.\d+(?:\.\d+)?)/m.exec(goMod)?.[1] ?? /^go\s+(\d+\.\d+(?:\.\d+)?)/m.exec(goMod)?.[1];
    if (!version) review.push(`no go directive in go.mod: using Go ${DEFAULT_GO}`);
    const mains = mainPackages(files);
    if (mains.length === 0) review.push('no main package found: set the package go build compiles');
    if (mains.length > 1) review.push(`several main packages (${mains.join(', ')}): building ${mains[0]}`);
    const main = mains[0] ?? '.';
    const module = /^module\s+(\S+)/m.exec(goMod)?.[1];
    const binary = (main === '.' ? module?.split('/').at(-1) : main.split('/').at(-1)) ?? 'app';
    const port = findPort(files, ['.go']);
    if (port === undefined) review.push('no port found in the source: add EXPOSE if the app serves HTTP');
    return {
      version: version ?? DEFAULT_GO, main, binary: binary.replace(/[^\w.-]/g, '') || 'app', hasSum: files.has('go.sum'), vendored: files.has('vendor/modules.txt'),
      port, review, test: { stage: 'build', command: ['go', 'test', './...'] },
      workdir: '/src', reload: 'rebuild', rebuildOn: ['go.mod', 'go.sum'].filter((f) => files.has(f)), syncIgnore: [],
    };
  },
  render(p) {
    const output = `/out/${p.binary}`;
    return lines(
      '# The toolchain, the modules and the sources; CI runs the tests here.',
      `FROM golang:${p.version} AS build`,
      'WORKDIR /src',
      !p.vendored && [`COPY ${p.hasSum ? 'go.mod go.sum' : 'go.mod'} ./`, 'RUN go mod download'],
      'COPY . .',
      cachedRun([cacheMount('/root/.cache/go-build')], `CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o ${output} ${p.main}`),
      '',
      '# Only the binary: no shell, no package manager, nothing to patch.',
      `FROM ${RUNTIME_IMAGE} AS runtime`,
      `COPY --from=build ${output} /app/${p.binary}`,
      'USER nonroot:nonroot',
      p.port !== undefined && `EXPOSE ${p.port}`,
      `ENTRYPOINT ["/app/${p.binary}"]`,
    );
  },
  ignore: () => ['bin', '*.test', '*.out', 'coverage.*'],
});

/** `.` when the service's root is `package main`, else `./cmd/<name>` and other main packages, sorted. */
function mainPackages(files: ServiceFiles): string[] {
  const dirs = new Set<string>();
  for (const file of files.sources(['.go'])) {
    if (file.endsWith('_test.go') || file.startsWith('vendor/')) continue;
    if (!/^package main\b/m.test(files.text(file) ?? '')) continue;
    const dir = file.includes('/') ? `./${file.slice(0, file.lastIndexOf('/'))}` : '.';
    dirs.add(dir);
  }
  return [...dirs].sort((a, b) => (a === '.' ? -1 : b === '.' ? 1 : compareText(a, b)));
}
