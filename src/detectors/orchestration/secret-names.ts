import { baseName } from '../../snapshot/paths.js';

/** Variable names that hold credentials: `DB_PASSWORD`, `NPM_TOKEN`, `AWS_SECRET_ACCESS_KEY`, `STRIPE_API_KEY`. */
const SECRET_NAME = /(?:^|_)(?:PASSWORD|PASSWD|PASS|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|SECRET_?KEY|CLIENT_SECRET|CREDENTIALS?|AUTH_?KEY|ENCRYPTION_?KEY|SIGNING_?KEY)(?:_|$)/i;
/** …unless the name says it is about the secret rather than the secret: `PASSWORD_FILE`, `TOKEN_URL`, `ACCESS_KEY_ID`. */
const ABOUT_A_SECRET = /_(?:FILE|PATH|DIR|URL|URI|HOST|PORT|USER|USERNAME|NAME|HEADER|TYPE|ID|EXPIRY|EXPIRES|TTL|LENGTH|ENDPOINT|REGION|ENABLED|REQUIRED|MIN|MAX)$/i;
/** A reference to a build argument or variable, with no value of its own: `${API_TOKEN}`, `$TOKEN`, `${TOKEN:-}`. */
const VARIABLE_REFERENCE = /^\$(?:\{[A-Za-z_]\w*(?::?[-+?=])?\}|[A-Za-z_]\w*)$/;
const NOT_A_SECRET_VALUE = /^(?:true|false|yes|no|on|off|none|null|0|1)$/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !ABOUT_A_SECRET.test(name);
}

export function isLiteralSecretValue(value: string): boolean {
  const trimmed = value.trim();
  return trimmed !== '' && !VARIABLE_REFERENCE.test(trimmed) && !NOT_A_SECRET_VALUE.test(trimmed);
}

/** `.env`, `.env.production`; not `.env.example` and the other templates teams commit on purpose. */
const ENV_FILE = /^\.env(?:\.[\w-]+)*$/;
const ENV_TEMPLATE = /\.(?:example|sample|template|tmpl|tpl|dist|defaults?|schema)$/i;
const SSH_PRIVATE_KEY = /^id_(?:rsa|dsa|ecdsa|ed25519)$/;
const KEY_FILE = /\.(?:pem|key|p12|pfx|jks|keystore)$/i;
/** Certificates and public keys share the extensions of private keys. */
const PUBLIC_LOOKING = /(?:^|[._-])(?:ca|cacert|cert|certs|certificate|chain|fullchain|bundle|pub|public|gpg|asc|trusted)(?:[._-]|$)/i;
const CREDENTIALS_FILE = /^(?:credentials(?:[._-][\w.-]*)?|\.git-credentials|\.netrc|service-account[\w.-]*\.json)$/i;
const TOKEN_RC = /^\.(?:npmrc|pypirc)$/;
const PRIVATE_KEY_CONTENT = /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/;
/** An auth token or password written into .npmrc or .pypirc, not read from the environment. */
const TOKEN_CONTENT = /^\s*(?:\/\/[^\s=]*:)?(?:_authToken|_auth|_password|password)\s*[=:]\s*(?!\$\{)\S/m;

export type SecretFileKind = 'env-file' | 'private-key' | 'credentials' | 'registry-token';

/**
 * What secret a file in the build context holds, judged by name and, where the name is not
 * enough (a `.pem` may be a certificate, an `.npmrc` may only name a registry), by content.
 * `content` is undefined when the file is not in the repository.
 */
export function secretFileKind(path: string, content: string | undefined): SecretFileKind | undefined {
  const name = baseName(path);
  if (ENV_FILE.test(name)) return ENV_TEMPLATE.test(name) ? undefined : 'env-file';
  if (SSH_PRIVATE_KEY.test(name)) return 'private-key';
  if (CREDENTIALS_FILE.test(name)) return 'credentials';
  if (KEY_FILE.test(name)) {
    if (content !== undefined) return PRIVATE_KEY_CONTENT.test(content) ? 'private-key' : undefined;
    return PUBLIC_LOOKING.test(name.replace(KEY_FILE, '')) ? undefined : 'private-key';
  }
  if (TOKEN_RC.test(name)) return content !== undefined && TOKEN_CONTENT.test(content) ? 'registry-token' : undefined;
  return undefined;
}

/** Cheap name test before any content is read: could this file be a secret at all? */
export function mayBeSecretFile(path: string): boolean {
  const name = baseName(path);
  return ENV_FILE.test(name) || SSH_PRIVATE_KEY.test(name) || CREDENTIALS_FILE.test(name) || KEY_FILE.test(name) || TOKEN_RC.test(name);
}
