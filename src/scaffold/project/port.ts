import type { ServiceFiles } from './service-files.js';

/**
 * How services say which port they listen on, most specific first: `listen(3000)`,
 * `process.env.PORT || 3000`, `os.getenv("PORT", "8000")`, `{ port: 8080 }`, `":8080"` and
 * `"0.0.0.0:3000"` bind addresses,
 * `server.port=8080` in Spring, `--port 8000` / `--bind 0.0.0.0:8000` on a command line.
 */
const PORT_PATTERNS: readonly RegExp[] = [
  /\.listen\(\s*(\d{2,5})\b/,
  /\bPORT\b['"]?\s*(?:\)\s*)?(?:\|\||\?\?|,|:-|\bor\b)\s*['"]?(\d{2,5})\b/,
  /\b(?:ListenAndServe(?:TLS)?|Listen|Run|Start)\(\s*"[\w.-]*:(\d{2,5})"/,
  /["'](?:0\.0\.0\.0|127\.0\.0\.1|localhost|\[::\])?:(\d{2,5})["']/,
  /\bserver\.port\s*[=:]\s*(\d{2,5})\b/,
  /\bport\s*[:=]\s*(\d{2,5})\b/i,
  /--port[= ](\d{2,5})\b/,
  /(?:--bind|-b)[= ][\w.]*:(\d{2,5})\b/,
];

/** Files that name a port without being source: Spring settings, a Procfile. */
const SETTINGS = ['Procfile', 'src/main/resources/application.properties', 'src/main/resources/application.yml', 'src/main/resources/application.yaml'];

/** The port a service listens on, when its source or settings say so plainly. */
export function findPort(files: ServiceFiles, sourceExtensions: readonly string[]): number | undefined {
  for (const path of [...SETTINGS.filter((p) => files.has(p)), ...files.sources(sourceExtensions)]) {
    const port = portIn(files.text(path) ?? '');
    if (port !== undefined) return port;
  }
  return undefined;
}

/** Ports of the databases and queues an app connects to: `{ host: 'db', port: 5432 }` is not where it listens. */
const CLIENT_PORTS = new Set([3306, 5432, 5672, 6379, 9092, 9200, 11211, 27017]);

export function portIn(text: string): number | undefined {
  for (const pattern of PORT_PATTERNS) {
    for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      const port = Number(match[1]);
      if (port >= 80 && port <= 65535 && !CLIENT_PORTS.has(port)) return port;
    }
  }
  return undefined;
}
