import { defineDockerfileTemplate, type ImageProfile } from './define.js';
import { and, cacheMount, cachedRun, copyExisting, lines, run } from './instructions.js';
import { lowestVersion, versionPrefix } from '../project/version.js';
import { stringAt } from '../project/service-files.js';
import { isRecord } from '../../parsers/record.js';

const DEFAULT_PHP = '8.3';
const PORT = 8080;
/** Extensions `docker-php-ext-install` builds, with the Debian packages they compile against. */
const EXTENSIONS: Record<string, string[]> = {
  bcmath: [], intl: ['libicu-dev'], mysqli: [], opcache: [], pdo_mysql: [], pdo_pgsql: ['libpq-dev'], pgsql: ['libpq-dev'], zip: ['libzip-dev'],
};

interface PhpProfile extends ImageProfile {
  version: string;
  locked: boolean;
  publicDir: boolean;
  extensions: string[];
}

/**
 * The official php Apache image (https://hub.docker.com/_/php), moved to port 8080 so it runs as
 * www-data; Composer runs in its own image and only vendor/ and the sources reach the runtime.
 */
export const phpTemplate = defineDockerfileTemplate<PhpProfile>({
  id: 'php',
  fits: (files) => files.has('composer.json'),
  inspect(files) {
    const review: string[] = [];
    const composer = files.json('composer.json');
    const require = isRecord(composer) && isRecord(composer.require) ? composer.require : {};
    const requireDev = isRecord(composer) && isRecord(composer['require-dev']) ? composer['require-dev'] : {};
    const declared = lowestVersion(stringAt(composer, 'config', 'platform', 'php') ?? stringAt(composer, 'require', 'php'));
    if (!declared) review.push(`no PHP version in composer.json: using ${DEFAULT_PHP}`);
    const wanted = Object.keys(require).filter((name) => name.startsWith('ext-')).map((name) => name.slice(4));
    const unknown = wanted.filter((name) => !(name in EXTENSIONS) && !['json', 'mbstring', 'ctype', 'tokenizer', 'xml', 'dom', 'curl', 'openssl', 'pdo', 'fileinfo', 'iconv', 'session', 'filter'].includes(name));
    if (unknown.length > 0) review.push(`install the PHP extensions ${unknown.join(', ')} (docker-php-ext-install or pecl)`);
    const artisan = files.has('artisan');
    const locked = files.has('composer.lock');
    return {
      version: declared ? versionPrefix(declared, 2) : DEFAULT_PHP, locked, publicDir: files.has('public/index.php') || artisan, review,
      extensions: wanted.filter((name) => name in EXTENSIONS).sort(), port: PORT,
      test: 'phpunit/phpunit' in requireDev ? { stage: 'test', command: ['vendor/bin/phpunit'] } : undefined,
      workdir: '/var/www/html', reload: 'sync', rebuildOn: ['composer.json', ...(locked ? ['composer.lock'] : [])], syncIgnore: ['vendor/'],
    };
  },
  render(p) {
    const composerCache = cacheMount('/tmp/cache');
    const packages = [...new Set(p.extensions.flatMap((name) => EXTENSIONS[name] ?? []))];
    return lines(
      '# Composer in its own image: dependencies, then the sources and the autoloader.',
      'FROM composer:2.8 AS vendor',
      'WORKDIR /app',
      copyExisting(['composer.json', 'composer.lock'], (file) => file === 'composer.json' || p.locked),
      cachedRun([composerCache], 'composer install --no-dev --no-scripts --no-autoloader --prefer-dist', '--no-interaction --ignore-platform-reqs'),
      'COPY . .',
      'RUN composer dump-autoload --optimize --no-dev',
      '',
      '# Adds the development dependencies; CI runs the tests here.',
      'FROM vendor AS test',
      cachedRun([composerCache], 'composer install --prefer-dist --no-interaction --ignore-platform-reqs'),
      '',
      `FROM php:${p.version}-apache AS runtime`,
      p.publicDir && 'ENV APACHE_DOCUMENT_ROOT=/var/www/html/public',
      run(and(
        ...(packages.length > 0 ? ['apt-get update', `apt-get install --no-install-recommends -y ${packages.join(' ')}`] : []),
        ...(p.extensions.length > 0 ? [`docker-php-ext-install ${p.extensions.join(' ')}`] : []),
        ...(packages.length > 0 ? ['rm -rf /var/lib/apt/lists/*'] : []),
        `sed -ri 's/Listen 80$/Listen ${PORT}/' /etc/apache2/ports.conf`,
        `sed -ri 's/:80>/:${PORT}>/' /etc/apache2/sites-available/*.conf`,
        // Apache expands ${APACHE_DOCUMENT_ROOT} itself, hence the single quotes.
        ...(p.publicDir ? [
          "sed -ri 's!/var/www/html!${APACHE_DOCUMENT_ROOT}!g' /etc/apache2/sites-available/*.conf",
          "sed -ri 's!/var/www/!${APACHE_DOCUMENT_ROOT}!g' /etc/apache2/apache2.conf /etc/apache2/conf-available/*.conf",
        ] : []),
        'a2enmod rewrite',
      )),
      '# Owned by www-data so that `docker compose watch` can sync changes into it.',
      'COPY --from=vendor --chown=www-data:www-data /app /var/www/html',
      '# Apache listens on an unprivileged port, so it can run as www-data.',
      'USER www-data',
      `EXPOSE ${PORT}`,
      'CMD ["apache2-foreground"]',
    );
  },
  ignore: () => ['vendor', 'node_modules', 'storage/logs/*', 'storage/framework/cache/*', '.phpunit.result.cache'],
});
