import type { ComposeFileFact } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { baseName } from '../../snapshot/paths.js';
import { chartName, isWorkload } from './kinds.js';
import type { K8sResource, OrchestrationFacts } from './types.js';

const SQL = ['postgres', 'mysql', 'sqlserver'];

/** Image or chart names (last path segment, no tag) of the stateful services people run themselves. */
const FAMILIES: Array<[RegExp, string]> = [
  [/^(?:postgres|postgresql|postgresql-ha|postgis|timescaledb(?:-ha)?|pgvector|spilo-\d+)$/, 'postgres'],
  [/^(?:mysql|mysql-server|mariadb|mariadb-galera|percona|percona-server|percona-xtradb-cluster)$/, 'mysql'],
  [/^(?:mssql-server|mssql|sqlserver)$/, 'sqlserver'],
  [/^(?:redis|redis-cluster|redis-stack|redis-stack-server|valkey|keydb|dragonfly)$/, 'redis'],
  [/^(?:mongo|mongodb|mongodb-sharded|mongodb-community-server)$/, 'mongodb'],
  [/^rabbitmq(?:-cluster-operator)?$/, 'rabbitmq'],
  [/^(?:kafka|cp-kafka|cp-server|redpanda)$/, 'kafka'],
  [/^(?:elasticsearch|opensearch)$/, 'elasticsearch'],
  [/^cassandra$/, 'cassandra'],
  [/^minio$/, 'minio'],
  [/^(?:clickhouse|clickhouse-server)$/, 'clickhouse'],
  [/^(?:neo4j|couchdb|influxdb|etcd|zookeeper|cp-zookeeper|nats)$/, 'other'],
];

export function familyOfName(name: string): string | undefined {
  const lower = name.toLowerCase();
  return FAMILIES.find(([pattern]) => pattern.test(lower))?.[1];
}

/** `ghcr.io/bitnami/postgresql:16@sha256:…` → `postgres`; `mcr.microsoft.com/mssql/server` → `sqlserver`. */
export function familyOfImage(image: string): string | undefined {
  const repository = image.split('@')[0]!.replace(/:[^/:]*$/, '');
  if (/(?:^|\/)mssql\/server$/.test(repository)) return 'sqlserver';
  return familyOfName(baseName(repository));
}

/** Operators that run a database inside the cluster, by `apiVersion/kind`. */
const OPERATORS: Array<[RegExp, string]> = [
  [/^postgresql\.cnpg\.io\/\S+\/Cluster$/, 'postgres'],
  [/^(?:acid\.zalan\.do|postgres-operator\.crunchydata\.com|stackgres\.io)\//, 'postgres'],
  [/^(?:mysql\.oracle\.com|pxc\.percona\.com|ps\.percona\.com|k8s\.mariadb\.com|mariadb\.mmontes\.io)\//, 'mysql'],
  [/^(?:psmdb\.percona\.com|mongodbcommunity\.mongodb\.com)\//, 'mongodb'],
  [/^(?:databases\.spotahome\.com|redis\.redis\.opstreelabs\.in)\//, 'redis'],
  [/^rabbitmq\.com\/\S+\/RabbitmqCluster$/, 'rabbitmq'],
  [/^kafka\.strimzi\.io\/\S+\/Kafka$/, 'kafka'],
  [/^(?:elasticsearch\.k8s\.elastic\.co|opensearch\.opster\.io)\//, 'elasticsearch'],
  [/^minio\.min\.io\//, 'minio'],
  [/^clickhouse\.altinity\.com\//, 'clickhouse'],
  [/^k8ssandra\.io\//, 'cassandra'],
];

/** Managed databases claimed from the cluster: AWS Controllers, Config Connector, Crossplane, Azure Service Operator. */
const MANAGED_APIS: Array<[RegExp, string[]]> = [
  [/^(?:rds\.services\.k8s\.aws|sql\.cnrm\.cloud\.google\.com|rds\.aws\.upbound\.io|database\.aws\.crossplane\.io|dbforpostgresql\.azure\.com)\//, SQL],
  [/^(?:elasticache\.services\.k8s\.aws|redis\.cnrm\.cloud\.google\.com|cache\.azure\.com)\//, ['redis']],
];

/** Terraform resource types of managed databases. */
const TERRAFORM_MANAGED: Array<[RegExp, string[]]> = [
  [/^(?:aws_db_instance|aws_rds_cluster|google_sql_database_instance)$/, SQL],
  [/^(?:google_alloydb_cluster|azurerm_postgresql_(?:flexible_)?server)$/, ['postgres']],
  [/^azurerm_(?:mysql|mariadb)_(?:flexible_)?server$/, ['mysql']],
  [/^azurerm_mssql_(?:server|database)$/, ['sqlserver']],
  [/^(?:aws_elasticache_\w+|aws_memorydb_cluster|google_redis_instance|azurerm_redis_cache)$/, ['redis']],
  [/^(?:mongodbatlas_\w+|aws_docdb_cluster|azurerm_cosmosdb_mongo_\w+)$/, ['mongodb']],
  [/^aws_mq_broker$/, ['rabbitmq']],
  [/^(?:aws_msk_cluster|confluent_kafka_cluster)$/, ['kafka']],
  [/^(?:aws_opensearch_domain|aws_elasticsearch_domain|ec_deployment)$/, ['elasticsearch']],
  [/^digitalocean_database_cluster$/, ['postgres', 'mysql', 'redis', 'mongodb']],
];

export function managedFamiliesOfTerraform(type: string): string[] {
  return TERRAFORM_MANAGED.find(([pattern]) => pattern.test(type))?.[1] ?? [];
}

/** Product names in the docs that say "this database is managed for us". */
const MANAGED_NOTES: Array<[RegExp, string[]]> = [
  [/\b(?:Amazon|AWS) RDS\b|\bAurora\b|\bCloud SQL\b|\bAzure Database for\b/i, SQL],
  [/\bAlloyDB\b|\bSupabase\b/, ['postgres']],
  [/\bPlanetScale\b/, ['mysql']],
  [/\bElastiCache\b|\bMemorystore\b|\bAzure Cache for Redis\b|\bUpstash\b|\bMemoryDB\b/i, ['redis']],
  [/\bMongoDB Atlas\b|\bDocumentDB\b/i, ['mongodb']],
  [/\bAmazon MQ\b|\bCloudAMQP\b/i, ['rabbitmq']],
  [/\bAmazon MSK\b|\bConfluent Cloud\b/i, ['kafka']],
  [/\bmanaged (?:databases?|DBs?|Postgres(?:QL)?|MySQL|Redis)\b/i, ['*']],
];
const MAX_NOTE_FILES = 200;
const NOTE_FILE = /\.(?:md|markdown|adoc|rst)$/i;

export function collectDatabases(snapshot: RepoSnapshot, facts: OrchestrationFacts, compose: readonly ComposeFileFact[]): void {
  for (const file of compose) {
    for (const service of file.services) {
      const family = service.image && !service.build ? familyOfImage(service.image) : undefined;
      if (!family || !service.image) continue;
      facts.backingServices.push({ family, image: service.image, name: service.name, source: 'compose', storage: false, path: file.path, line: service.line, confidence: 'strong' });
    }
  }
  for (const resource of facts.resources) collectFromResource(facts, resource);
  for (const ref of facts.chartRefs) {
    const family = familyOfName(chartName(ref.chart));
    if (family) facts.databaseHandling.push({ family, via: 'chart', detail: ref.chart, path: ref.path, line: ref.line, confidence: ref.confidence });
  }
  const notes = snapshot.filesNamedLike(NOTE_FILE).slice(0, MAX_NOTE_FILES);
  for (const path of notes) {
    const text = snapshot.text(path) ?? '';
    // No pattern matches across a line break, so a file the patterns miss as a whole is not split into lines.
    if (!MANAGED_NOTES.some(([pattern]) => pattern.test(text))) continue;
    const lines = text.split(/\r?\n/);
    for (const [pattern, families] of MANAGED_NOTES) {
      const index = lines.findIndex((line) => pattern.test(line));
      if (index === -1) continue;
      const detail = pattern.exec(lines[index]!)![0];
      for (const family of families) facts.databaseHandling.push({ family, via: 'note', detail, path, line: index + 1, confidence: 'medium' });
    }
  }
}

function collectFromResource(facts: OrchestrationFacts, resource: K8sResource): void {
  const at = { path: resource.path, line: resource.line, confidence: resource.confidence };
  const signature = `${resource.apiVersion ?? ''}/${resource.kind}`;
  const operator = OPERATORS.find(([pattern]) => pattern.test(signature));
  if (operator) facts.databaseHandling.push({ family: operator[1], via: 'operator', detail: resource.kind, ...at });
  const managed = MANAGED_APIS.find(([pattern]) => pattern.test(signature));
  for (const family of managed?.[1] ?? []) facts.databaseHandling.push({ family, via: 'managed', detail: resource.kind, ...at });
  if (resource.kind === 'PersistentVolumeClaim') {
    const family = resource.name ? familyInName(resource.name) : undefined;
    facts.databaseHandling.push({ family: family ?? 'unknown', via: 'pvc', detail: resource.name ?? 'PersistentVolumeClaim', ...at });
    return;
  }
  if (!isWorkload(resource)) return;
  const families = new Set(resource.images.map(familyOfImage).filter((f): f is string => f !== undefined));
  if (families.size === 0 && resource.origin === 'template' && resource.chart) {
    const fromChart = familyOfName(baseName(resource.chart));
    if (fromChart) families.add(fromChart);
  }
  const storage = resource.features['volume-claim-templates'] !== undefined || resource.features['pvc-volume'] !== undefined;
  for (const family of families) {
    const image = resource.images.find((i) => familyOfImage(i) === family) ?? resource.chart ?? '';
    facts.backingServices.push({ family, image, name: resource.name ?? resource.kind, source: 'kubernetes', storage, ...at });
    if (storage) {
      const via = resource.features['volume-claim-templates'] !== undefined ? 'statefulset' : 'pvc';
      facts.databaseHandling.push({ family, via, detail: resource.name ?? resource.kind, ...at });
    }
  }
}

/** `postgres-data`, `redis-pvc` → the family named in it. */
function familyInName(name: string): string | undefined {
  for (const part of name.toLowerCase().split(/[-_.]/)) {
    const family = familyOfName(part);
    if (family) return family;
  }
  return undefined;
}
