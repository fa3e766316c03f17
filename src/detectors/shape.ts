import { isRecord } from '../parsers/record.js';

/**
 * The shapes detectors expect of parsed CI and Compose files, and what in a document does not fit
 * them. It reads like the zod schemas it replaces and reports the same issues with the same
 * messages (tests/property/shape.test.ts checks this against zod itself), but costs nothing to
 * load: zod took ~16 ms to load and ~6 ms to build its first schema on every run that found a
 * workflow or a Compose file, which is most repositories. zod still validates what users write
 * for this tool (config, checklists), where its messages matter more than its start-up.
 */

export interface ShapeIssue {
  path: ReadonlyArray<string | number>;
  message: string;
}

type Path = Array<string | number>;

/** A custom message replaces the shape's own ones (wrong type, no option fits), not those of what it contains. */
export interface ShapeOptions {
  error?: string;
}

export abstract class Shape {
  protected constructor(protected readonly error?: string) {}

  /** Whether an object may lack the key holding this shape. */
  get acceptsAbsent(): boolean {
    return false;
  }

  /** Pushes each issue of `value` at `path` (a stack, copied into issues). */
  abstract collect(value: unknown, path: Path, issues: ShapeIssue[]): void;

  optional(): Shape {
    return new Optional(this);
  }

  nullable(): Shape {
    return new Nullable(this);
  }

  nullish(): Shape {
    return new Optional(new Nullable(this));
  }

  protected wrongType(expected: string, value: unknown, path: Path, issues: ShapeIssue[]): void {
    issues.push({ path: [...path], message: this.error ?? `Invalid input: expected ${expected}, received ${typeName(value)}` });
  }
}

/** An issue as one line: `jobs.build.steps: Invalid input: expected array, received object`. */
export function describeIssue({ path, message }: ShapeIssue): string {
  return `${path.length > 0 ? `${path.join('.')}: ` : ''}${message}`;
}

/** The issues of `value`, outermost first, as zod's `safeParse(value).error.issues` lists them. */
export function shapeIssues(shape: Shape, value: unknown): ShapeIssue[] {
  const issues: ShapeIssue[] = [];
  shape.collect(value, [], issues);
  return issues;
}

/** How an issue names what it got: zod's words, so that messages stay as they were. */
function typeName(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? 'number' : String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') {
    const constructor = (value as { constructor?: unknown }).constructor;
    if (Object.getPrototypeOf(value) !== Object.prototype && typeof constructor === 'function') return constructor.name;
  }
  return typeof value;
}

/** What a parser makes of a mapping: an object whose prototype is Object's or none. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

class Primitive extends Shape {
  constructor(
    private readonly expected: 'string' | 'number' | 'boolean',
    options: ShapeOptions,
  ) {
    super(options.error);
  }

  collect(value: unknown, path: Path, issues: ShapeIssue[]): void {
    const fits = this.expected === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === this.expected;
    if (!fits) this.wrongType(this.expected, value, path, issues);
  }
}

class Unknown extends Shape {
  constructor() {
    super();
  }

  collect(): void {}
}

class Optional extends Shape {
  constructor(private readonly inner: Shape) {
    super();
  }

  override get acceptsAbsent(): boolean {
    return true;
  }

  collect(value: unknown, path: Path, issues: ShapeIssue[]): void {
    if (value !== undefined) this.inner.collect(value, path, issues);
  }
}

class Nullable extends Shape {
  constructor(private readonly inner: Shape) {
    super();
  }

  override get acceptsAbsent(): boolean {
    return this.inner.acceptsAbsent;
  }

  collect(value: unknown, path: Path, issues: ShapeIssue[]): void {
    if (value !== null) this.inner.collect(value, path, issues);
  }
}

class ArrayOf extends Shape {
  constructor(
    private readonly item: Shape,
    options: ShapeOptions,
  ) {
    super(options.error);
  }

  collect(value: unknown, path: Path, issues: ShapeIssue[]): void {
    if (!Array.isArray(value)) return this.wrongType('array', value, path, issues);
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      this.item.collect(value[index], path, issues);
      path.pop();
    }
  }
}

/** The shape of an entry may depend on its key (GitLab CI: jobs beside keywords). */
type EntryShape = Shape | ((key: string) => Shape);

class RecordOf extends Shape {
  constructor(
    private readonly entry: EntryShape,
    options: ShapeOptions,
  ) {
    super(options.error);
  }

  collect(value: unknown, path: Path, issues: ShapeIssue[]): void {
    if (!isPlainObject(value)) return this.wrongType('record', value, path, issues);
    for (const key of Object.keys(value)) {
      if (key === '__proto__') continue;
      path.push(key);
      (typeof this.entry === 'function' ? this.entry(key) : this.entry).collect(value[key], path, issues);
      path.pop();
    }
  }
}

/** Keys other than those listed pass, as `x-*` extensions and newer attributes must. */
class LooseObject extends Shape {
  private readonly fields: Array<[string, Shape]>;

  constructor(fields: Record<string, Shape>, options: ShapeOptions) {
    super(options.error);
    this.fields = Object.entries(fields);
  }

  collect(value: unknown, path: Path, issues: ShapeIssue[]): void {
    if (!isRecord(value)) return this.wrongType('object', value, path, issues);
    for (const [key, field] of this.fields) {
      const present = key in value;
      if (!present && field.acceptsAbsent) continue;
      const before = issues.length;
      path.push(key);
      field.collect(value[key], path, issues);
      // A required key that is missing is an issue even where any value would do.
      if (!present && issues.length === before) issues.push({ path: [...path], message: 'Invalid input: expected nonoptional, received undefined' });
      path.pop();
    }
  }
}

/** The first option that fits; when none does, one issue for the union itself. */
class Union extends Shape {
  constructor(
    private readonly alternatives: readonly Shape[],
    options: ShapeOptions,
  ) {
    super(options.error);
  }

  override get acceptsAbsent(): boolean {
    return this.alternatives.some((alternative) => alternative.acceptsAbsent);
  }

  collect(value: unknown, path: Path, issues: ShapeIssue[]): void {
    if (this.alternatives.length === 1) return this.alternatives[0]!.collect(value, path, issues);
    const scratch: ShapeIssue[] = [];
    for (const option of this.alternatives) {
      scratch.length = 0;
      option.collect(value, path, scratch);
      if (scratch.length === 0) return;
    }
    issues.push({ path: [...path], message: this.error ?? 'Invalid input' });
  }
}

/** Named as zod's builders are, so a shape reads as the schema it was. */
export const shape = {
  string: (options: ShapeOptions = {}): Shape => new Primitive('string', options),
  number: (options: ShapeOptions = {}): Shape => new Primitive('number', options),
  boolean: (options: ShapeOptions = {}): Shape => new Primitive('boolean', options),
  unknown: (): Shape => new Unknown(),
  array: (item: Shape, options: ShapeOptions = {}): Shape => new ArrayOf(item, options),
  record: (entry: EntryShape, options: ShapeOptions = {}): Shape => new RecordOf(entry, options),
  looseObject: (fields: Record<string, Shape>, options: ShapeOptions = {}): Shape => new LooseObject(fields, options),
  union: (alternatives: readonly Shape[], options: ShapeOptions = {}): Shape => new Union(alternatives, options),
};
