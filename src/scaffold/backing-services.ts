import { familyOfImage } from '../detectors/orchestration/databases.js';
import { type ServiceFiles } from './project/service-files.js';
import { isRecord } from '../parsers/record.js';

export const BACKING_SERVICES = ['kafka', 'mongodb', 'mysql', 'postgres', 'rabbitmq', 'redis'] as const;
export type BackingService = (typeof BACKING_SERVICES)[number];

export interface BackingServiceInfo {
  /** Client libraries, by the names manifests give them (npm, PyPI, Go modules, Maven, NuGet, crates, gems, Composer). */
  clients: readonly string[];
  image: string;
  environment: Record<string, string>;
  /** Where it keeps its data: a named volume goes there, so `docker compose down` keeps it. */
  dataPath: string;
  /** The variable the app reads, by convention, and its value inside the Compose network. */
  connection: [name: string, url: string];
}

/** Development defaults only: the Compose header says so, and production gets its settings elsewhere. */
export const BACKING_SERVICE_INFO = {
  kafka: {
    clients: ['kafkajs', 'node-rdkafka', 'kafka-python', 'confluent-kafka', 'aiokafka', 'github.com/segmentio/kafka-go', 'github.com/IBM/sarama', 'github.com/Shopify/sarama', 'github.com/confluentinc/confluent-kafka-go', 'spring-kafka', 'kafka-clients', 'Confluent.Kafka', 'rdkafka', 'ruby-kafka', 'karafka'],
    image: 'apache/kafka:3.9.0',
    // A single KRaft node that other containers reach as kafka:9092 (https://hub.docker.com/r/apache/kafka).
    environment: {
      KAFKA_NODE_ID: '1', KAFKA_PROCESS_ROLES: 'broker,controller', KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://kafka:9092', KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT', KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
    },
    dataPath: '/var/lib/kafka/data',
    connection: ['KAFKA_BROKERS', 'kafka:9092'],
  },
  mongodb: {
    clients: ['mongodb', 'mongoose', 'pymongo', 'motor', 'go.mongodb.org/mongo-driver', 'mongodb-driver-sync', 'spring-boot-starter-data-mongodb', 'MongoDB.Driver', 'mongoid', 'mongodb/mongodb'],
    image: 'mongo:8.0',
    environment: {},
    dataPath: '/data/db',
    connection: ['MONGODB_URL', 'mongodb://mongodb:27017/app'],
  },
  mysql: {
    clients: ['mysql', 'mysql2', 'pymysql', 'mysqlclient', 'aiomysql', 'github.com/go-sql-driver/mysql', 'mysql-connector-j', 'mysql-connector-java', 'MySqlConnector', 'MySql.Data', 'Pomelo.EntityFrameworkCore.MySql', 'mysql_async', 'ext-pdo_mysql', 'ext-mysqli'],
    image: 'mysql:8.4',
    environment: { MYSQL_DATABASE: 'app', MYSQL_USER: 'app', MYSQL_PASSWORD: 'app', MYSQL_ROOT_PASSWORD: 'root' },
    dataPath: '/var/lib/mysql',
    connection: ['DATABASE_URL', 'mysql://app:app@mysql:3306/app'],
  },
  postgres: {
    clients: ['pg', 'postgres', 'pg-promise', 'psycopg', 'psycopg2', 'psycopg2-binary', 'asyncpg', 'github.com/lib/pq', 'github.com/jackc/pgx', 'postgresql', 'Npgsql', 'Npgsql.EntityFrameworkCore.PostgreSQL', 'tokio-postgres', 'ext-pdo_pgsql', 'ext-pgsql'],
    image: 'postgres:17',
    environment: { POSTGRES_USER: 'app', POSTGRES_PASSWORD: 'app', POSTGRES_DB: 'app' },
    dataPath: '/var/lib/postgresql/data',
    connection: ['DATABASE_URL', 'postgres://app:app@postgres:5432/app'],
  },
  rabbitmq: {
    clients: ['amqplib', 'amqp-connection-manager', 'pika', 'aio-pika', 'github.com/rabbitmq/amqp091-go', 'github.com/streadway/amqp', 'spring-boot-starter-amqp', 'amqp-client', 'RabbitMQ.Client', 'lapin', 'bunny', 'php-amqplib/php-amqplib'],
    image: 'rabbitmq:4-management',
    environment: {},
    dataPath: '/var/lib/rabbitmq',
    connection: ['AMQP_URL', 'amqp://guest:guest@rabbitmq:5672'],
  },
  redis: {
    clients: ['redis', 'ioredis', 'bull', 'bullmq', 'github.com/redis/go-redis', 'github.com/go-redis/redis', 'github.com/gomodule/redigo', 'spring-boot-starter-data-redis', 'jedis', 'lettuce-core', 'StackExchange.Redis', 'predis/predis', 'sidekiq', 'redis-rs'],
    image: 'redis:7.4',
    environment: {},
    dataPath: '/data',
    connection: ['REDIS_URL', 'redis://redis:6379'],
  },
} satisfies Record<BackingService, BackingServiceInfo>;

const MANIFESTS = /^(?:requirements[\w.-]*\.txt|requirements\/[\w.-]+\.txt|pyproject\.toml|Pipfile|setup\.py|go\.mod|pom\.xml|build\.gradle(?:\.kts)?|[^/]+\.[cf]sproj|Cargo\.toml|Gemfile|composer\.json|mix\.exs)$/;

/** The backing services a service's dependencies say it talks to, in sorted order. */
export function backingServicesOf(files: ServiceFiles): BackingService[] {
  const names = dependencyNames(files);
  const text = files.list().filter((file) => MANIFESTS.test(file)).map((file) => files.text(file) ?? '').join('\n');
  return BACKING_SERVICES.filter((service) =>
    BACKING_SERVICE_INFO[service].clients.some((client) => names.has(client) || mentions(text, client)),
  );
}

/** The backing service an image in an existing Compose file provides (`postgres:16`, `bitnami/redis`). */
export function backingServiceOfImage(image: string): BackingService | undefined {
  const family = familyOfImage(image);
  return (BACKING_SERVICES as readonly string[]).includes(family ?? '') ? (family as BackingService) : undefined;
}

/** package.json dependencies by exact name: its other fields (a description, scripts) say nothing. */
function dependencyNames(files: ServiceFiles): Set<string> {
  const pkg = files.json('package.json');
  if (!isRecord(pkg)) return new Set();
  return new Set(['dependencies', 'optionalDependencies', 'peerDependencies'].flatMap((key) => (isRecord(pkg[key]) ? Object.keys(pkg[key]) : [])));
}

/** A dependency name as a whole token: `redis` in `redis>=5` or `celery[redis]`, not in `django-redis` or a module path. */
function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w./-])${escaped}(?![\\w-]|\\.[A-Za-z])`, 'i').test(text);
}
