import { defineDockerfileTemplate, type ImageProfile } from './define.js';
import { and, cacheMount, cachedRun, lines } from './instructions.js';
import { findPort } from '../project/port.js';
import { exactVersion, lowestVersion, versionPrefix } from '../project/version.js';

const DEFAULT_RUST = '1.88';
/** glibc-linked binaries need libc and libgcc, not a shell: distroless cc. */
const RUNTIME_IMAGE = 'gcr.io/distroless/cc-debian12:nonroot';

interface RustProfile extends ImageProfile {
  version: string;
  binary: string;
  locked: boolean;
}

/**
 * https://docs.docker.com/guides/rust/build-images/: dependencies and build artefacts live in
 * cache mounts, so a source change recompiles only the crate (the binary is copied out of the
 * mount in the same step).
 */
export const rustTemplate = defineDockerfileTemplate<RustProfile>({
  id: 'rust',
  fits: (files) => files.has('Cargo.toml'),
  inspect(files) {
    const review: string[] = [];
    const cargo = files.text('Cargo.toml') ?? '';
    const toolchain = /^\s*channel\s*=\s*["']([^"']+)["']/m.exec(files.text('rust-toolchain.toml') ?? '')?.[1] ?? files.text('rust-toolchain');
    const pinned = exactVersion(toolchain);
    const version = pinned ?? prefix(lowestVersion(/^rust-version\s*=\s*["']([^"']+)["']/m.exec(cargo)?.[1]));
    if (!version) review.push(`no rust-toolchain or rust-version: using Rust ${DEFAULT_RUST}`);
    const bin = /^\[\[bin\]\][^[]*?^name\s*=\s*["']([^"']+)["']/ms.exec(cargo)?.[1];
    const pkg = /^\[package\][^[]*?^name\s*=\s*["']([^"']+)["']/ms.exec(cargo)?.[1];
    const binary = bin ?? pkg ?? 'app';
    const port = findPort(files, ['.rs']);
    if (port === undefined) review.push('no port found in the source: add EXPOSE if the app serves HTTP');
    const locked = files.has('Cargo.lock');
    if (!locked) review.push('no Cargo.lock: commit it so image builds use the versions you tested');
    return {
      version: version ?? DEFAULT_RUST, binary, locked, port, review,
      test: { stage: 'build', command: ['cargo', 'test'] },
      workdir: '/src', reload: 'rebuild', rebuildOn: ['Cargo.toml', ...(locked ? ['Cargo.lock'] : [])], syncIgnore: [],
    };
  },
  render(p) {
    return lines(
      '# The toolchain and the sources; CI runs the tests here.',
      `FROM rust:${p.version}-slim AS build`,
      'WORKDIR /src',
      'COPY . .',
      cachedRun(
        [cacheMount('/usr/local/cargo/registry'), cacheMount('/src/target')],
        and(`cargo build --release${p.locked ? ' --locked' : ''} --bin ${p.binary}`, `cp target/release/${p.binary} /usr/local/bin/${p.binary}`),
      ),
      '',
      '# Only the binary and the C runtime it links against.',
      `FROM ${RUNTIME_IMAGE} AS runtime`,
      `COPY --from=build /usr/local/bin/${p.binary} /app/${p.binary}`,
      'USER nonroot:nonroot',
      p.port !== undefined && `EXPOSE ${p.port}`,
      `ENTRYPOINT ["/app/${p.binary}"]`,
    );
  },
  ignore: () => ['target', '**/*.rs.bk'],
});

function prefix(version: string | undefined): string | undefined {
  return version === undefined ? undefined : versionPrefix(version, 2);
}
