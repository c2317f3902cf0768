import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { isUuid, TEXT_LIMITS, unsafeTextProblem } from '@trellis/domain';
import {
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLResolveInfo,
} from 'graphql';
import type { Observable } from 'rxjs';
import type { ZodType } from 'zod';
import { AppError } from './errors.js';

/**
 * Every operation's arguments are checked here, before its resolver runs, and refused as
 * BAD_USER_INPUT with `extensions.fields` keyed by where the problem is (`title`, `progress[0].note`,
 * `operations[2].name`; the `input.` of an `input` argument is left out, as forms name their fields).
 *
 * - Each @InputType names its zod schema (from @trellis/domain) with @InputSchema.
 * - String (and list) arguments name theirs with @ArgSchemas on the resolver method.
 * - Whatever the schemas say, every ID must be a UUID, no text may hold a NUL byte, another control
 *   character or a lone surrogate, and no text may exceed TEXT_LIMITS.file: a schema that forgot a
 *   field cannot let through what PostgreSQL would refuse.
 *
 * test/input-validation.test.ts fails when an input type or a String argument has no schema, or when
 * a schema and its input type name different fields.
 */

/** GraphQL input type name → its schema. */
export const INPUT_SCHEMAS = new Map<string, ZodType>();

/** The schema an @InputType's values must satisfy (the class name is the GraphQL type's name). */
export function InputSchema(schema: ZodType): ClassDecorator {
  return (target) => {
    INPUT_SCHEMAS.set(target.name, schema);
  };
}

export const ARG_SCHEMAS = 'trellis:arg-schemas';
/** Schemas of an operation's scalar or list arguments, by argument name. */
export const ArgSchemas = (schemas: Record<string, ZodType>) => SetMetadata(ARG_SCHEMAS, schemas);

type Path = readonly (string | number)[];

/** `['progress', 0, 'note']` → `progress[0].note`. */
export function formatPath(path: Path): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
}

/** Where an argument's problem is reported: inside `input` the field's own path, else from the argument's name. */
function fieldKey(argument: string, path: Path): string {
  const inner = formatPath(path);
  if (argument === 'input') return inner || 'input';
  return formatPath([argument, ...path]);
}

/** What every value must be, by its GraphQL type, whatever the schemas say. */
function checkValue(type: GraphQLInputType, value: unknown, path: Path, report: (path: Path, message: string) => void): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) value.forEach((item, index) => checkValue(nullable.ofType, item, [...path, index], report));
    return;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) {
      checkValue(field.type, (value as Record<string, unknown>)[field.name], [...path, field.name], report);
    }
    return;
  }
  if (!isScalarType(nullable)) return;
  if (value instanceof Date && Number.isNaN(value.getTime())) report(path, 'Not a valid date and time.');
  if (typeof value !== 'string') return;
  if (nullable.name === 'ID' && !isUuid(value)) report(path, 'Not a valid id.');
  const unsafe = unsafeTextProblem(value, { multiLine: true });
  if (unsafe) report(path, unsafe);
  else if (value.length > TEXT_LIMITS.file) report(path, `Use at most ${TEXT_LIMITS.file.toLocaleString('en-GB')} characters.`);
}

/** The schema an argument is checked against: the method's, else its input type's. */
function schemaOf(argument: GraphQLArgument, declared: Record<string, ZodType> | undefined): ZodType | undefined {
  if (declared?.[argument.name]) return declared[argument.name];
  let type = getNullableType(argument.type);
  if (isListType(type)) return undefined;
  type = getNullableType(type);
  return isInputObjectType(type) ? INPUT_SCHEMAS.get(type.name) : undefined;
}

/** The problems with one call's arguments, keyed by field; empty when there are none. */
export function argumentProblems(
  argumentsOfField: readonly GraphQLArgument[],
  values: Record<string, unknown>,
  declared?: Record<string, ZodType>,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const argument of argumentsOfField) {
    const value = values[argument.name];
    const report = (path: Path, message: string) => {
      fields[fieldKey(argument.name, path)] ??= message;
    };
    if (value === null || value === undefined) continue;
    const schema = schemaOf(argument, declared);
    const parsed = schema?.safeParse(value);
    for (const issue of parsed?.error?.issues ?? []) report(issue.path as Path, issue.message);
    checkValue(argument.type, value, [], report);
  }
  return fields;
}

@Injectable()
export class InputValidationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType<string>() !== 'graphql') return next.handle();
    const graphql = GqlExecutionContext.create(execution);
    const info = graphql.getInfo<GraphQLResolveInfo>();
    const field = info.parentType.getFields()[info.fieldName];
    if (field && field.args.length > 0) {
      const declared = this.reflector.get<Record<string, ZodType> | undefined>(ARG_SCHEMAS, execution.getHandler());
      const fields = argumentProblems(field.args, graphql.getArgs<Record<string, unknown>>(), declared);
      const entries = Object.entries(fields);
      if (entries.length > 0) {
        throw new AppError('BAD_USER_INPUT', entries.map(([key, message]) => `${key}: ${message}`).join(' '), { fields });
      }
    }
    return next.handle();
  }
}
