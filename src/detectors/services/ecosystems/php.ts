import { hasFile } from '../project.js';
import { defineEcosystem } from './define.js';
import { isRecord } from '../../../parsers/record.js';

/** Front controllers and consoles of PHP apps: Laravel's artisan, Symfony's bin/console, a public/index.php. */
const ENTRY_FILES = ['artisan', 'bin/console', 'index.php', 'public/index.php', 'web/index.php', 'web/app.php', 'wp-config.php', 'wp-config-sample.php'];
/** Composer types that are installed into something else (https://getcomposer.org/doc/04-schema.md#type). */
const LIBRARY_TYPE = /^(?:library|composer-plugin|symfony-bundle|wordpress-plugin|wordpress-theme|drupal-module|magento2-module|metapackage)$/;

export const php = defineEcosystem({
  id: 'php',
  manifests: ['composer.json'],
  rank: 3,
  classify({ snapshot, dir, manifest }) {
    if (ENTRY_FILES.some((name) => hasFile(snapshot, dir, name))) return { kind: 'app', language: 'php' };
    const composer = snapshot.json(manifest)?.value;
    const type = isRecord(composer) && typeof composer.type === 'string' ? composer.type : undefined;
    return { kind: type !== undefined && LIBRARY_TYPE.test(type) ? 'library' : 'app', language: 'php' };
  },
});
