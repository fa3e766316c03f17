import { headerComment } from './header.js';
import type { GeneratorInfo } from './types.js';

/**
 * What never belongs in a build context (https://docs.docker.com/build/concepts/context/#dockerignore-files):
 * version control and editor files, the container setup itself, and secrets, so `COPY . .`
 * cannot bake a key or an `.env` into an image.
 */
const COMMON = [
  '.git', '.gitignore', '.github', '.gitlab-ci.yml', '.idea', '.vscode', '**/.DS_Store',
  'Dockerfile*', '.dockerignore', 'compose*.y*ml', 'docker-compose*.y*ml',
];
const SECRETS = [
  '**/.env', '**/.env.*', '!**/.env.example', '**/*.pem', '**/*.key', '**/id_rsa*', '**/id_ed25519*',
  '**/.npmrc', '**/.pypirc', '**/.netrc', '**/.git-credentials',
];

export function dockerignoreContent(generator: GeneratorInfo, languageEntries: readonly string[]): string {
  return `${[
    ...headerComment(generator, 'dockerignore', ['anything else the image does not need: a smaller context builds faster']),
    '',
    '# Version control, editors and the container setup itself',
    ...COMMON,
    '',
    '# Secrets: pass them at run time or with RUN --mount=type=secret',
    ...SECRETS,
    ...(languageEntries.length > 0 ? ['', '# Local dependencies and build output: the image makes its own', ...languageEntries] : []),
  ].join('\n')}\n`;
}
