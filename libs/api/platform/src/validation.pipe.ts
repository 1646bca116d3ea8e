import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import { getMetadataStorage } from 'class-validator';
import { ErrorCode, type FieldError, type FieldErrorCode } from '@roundtable/contracts';
import { ApiException } from './api.exception';

/**
 * Each broken constraint as a field error: the English message, the constraint's name as `code` and its
 * arguments as `params`, so that the web app can say it in the reader's language (`validation.<code>`).
 */
function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]): FieldError => {
      const params = constraintParams(error, code);
      return {
        field,
        message,
        code: (code === 'whitelistValidation' ? 'unknownField' : code) as FieldErrorCode,
        ...(params ? { params } : {}),
      };
    });
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The numbers a translated sentence needs (a length's bounds, a list's allowed values), from the DTO's metadata. */
function constraintParams(error: ValidationError, code: string): FieldError['params'] | undefined {
  const target = error.target?.constructor;
  if (!target) return undefined;
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name ?? m.type) === code);
  const args: unknown[] = metadata?.constraints ?? [];
  switch (code) {
    case 'maxLength':
    case 'arrayMaxSize':
    case 'max':
      return typeof args[0] === 'number' ? { max: args[0] } : undefined;
    case 'minLength':
    case 'arrayMinSize':
    case 'min':
      return typeof args[0] === 'number' ? { min: args[0] } : undefined;
    case 'isLength':
      return typeof args[0] === 'number' && typeof args[1] === 'number' ? { min: args[0], max: args[1] } : undefined;
    case 'isIn':
      return Array.isArray(args[0]) ? { allowed: args[0].join(', ') } : undefined;
    default:
      return undefined;
  }
}

function validationFailed(fields: FieldError[]): ApiException {
  const names = fields.map((f) => f.field).filter((f, i, all) => all.indexOf(f) === i);
  return new ApiException(ErrorCode.ValidationFailed, `Invalid ${names.join(', ')}`, { fields });
}

/** Deeper than any of our bodies; stops a `[[[[…` body before recursion (ours or class-transformer's) overflows. */
const MAX_DEPTH = 32;
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const PRIMITIVES: unknown[] = [String, Number, Boolean, Object, Array, Date];

function join(parent: string, key: string | number): string {
  return parent ? `${parent}.${key}` : String(key);
}

function badText(text: string): string | null {
  if (NUL.test(text)) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it holds a lone surrogate)';
  return null;
}

/**
 * Text PostgreSQL cannot store (NUL) or that is not Unicode (a lone UTF-16 surrogate) is refused in every
 * string of every body, query and path parameter, keys included, before any validator or the database sees it.
 */
export function unsafeTextFields(value: unknown, path = '', depth = 0): FieldError[] {
  if (typeof value === 'string') {
    const problem = badText(value);
    return problem ? [{ field: path || 'body', message: `${path || 'body'} ${problem}`, code: 'unsafeText' }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  if (depth >= MAX_DEPTH)
    return [{ field: path || 'body', message: `${path || 'body'} is nested too deeply`, code: 'tooDeep' }];
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, item]) => {
    const field = join(path, key);
    const keyProblem = typeof key === 'string' ? badText(key) : null;
    if (keyProblem)
      return [
        { field: path || 'body', message: `a field name in ${path || 'body'} ${keyProblem}`, code: 'unsafeText' },
      ];
    return unsafeTextFields(item, field, depth + 1);
  });
}

interface PropertyDoc {
  nullable?: boolean;
  type?: unknown;
}

/** The DTO class of a property as documented by @ApiProperty (`type: [Dto]`, `type: () => Dto` or the design type). */
function nestedClass(doc: PropertyDoc | undefined): (new () => object) | null {
  let type = doc?.type;
  if (Array.isArray(type)) type = type[0];
  if (typeof type !== 'function' || PRIMITIVES.includes(type)) return null;
  if (!type.prototype) type = (type as () => unknown)();
  return typeof type === 'function' && !PRIMITIVES.includes(type) ? (type as new () => object) : null;
}

/**
 * `null` is a value only where the DTO documents it (`@ApiProperty({ nullable: true })`); class-validator's
 * @IsOptional lets null through, and a null where the database requires a value would end in a 500.
 */
export function refusedNulls(value: unknown, dto: new () => object, path = '', depth = 0): FieldError[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth >= MAX_DEPTH) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const doc = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, key) as PropertyDoc | undefined;
    const field = join(path, key);
    if (item === null) return doc?.nullable ? [] : [{ field, message: `${field} must not be null`, code: 'notNull' }];
    const nested = nestedClass(doc);
    if (!nested || typeof item !== 'object') return [];
    if (!Array.isArray(item)) return refusedNulls(item, nested, field, depth + 1);
    return item.flatMap((element, index) =>
      element === null
        ? [{ field: join(field, index), message: `${join(field, index)} must not be null`, code: 'notNull' }]
        : refusedNulls(element, nested, join(field, index), depth + 1),
    );
  });
}

/** Validates DTOs, rejects unknown fields, unsafe text and undeclared nulls, and names every bad field in a 400. */
class RoundtableValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const dto =
        metadata.metatype && !PRIMITIVES.includes(metadata.metatype) ? (metadata.metatype as new () => object) : null;
      const unsafe = unsafeTextFields(value, metadata.data ?? '');
      // Unsafe text is refused before class-validator sees it (its email check crashed on lone surrogates).
      if (unsafe.length > 0) throw validationFailed(unsafe);
      const nulls = dto ? refusedNulls(value, dto, metadata.data ?? '') : [];
      // Undeclared nulls are reported together with every other bad field of the same body.
      if (nulls.length > 0) {
        const named = new Set(nulls.map((problem) => problem.field));
        const others = (await this.otherProblems(value, metadata)).filter((problem) => !named.has(problem.field));
        throw validationFailed([...nulls, ...others]);
      }
    }
    return super.transform(value, metadata);
  }

  private async otherProblems(value: unknown, metadata: ArgumentMetadata): Promise<FieldError[]> {
    try {
      await super.transform(value, metadata);
      return [];
    } catch (error) {
      return error instanceof ApiException ? (error.extra.fields ?? []) : [];
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RoundtableValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target lets `flatten` read a constraint's arguments; nothing of it leaves the server.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}
