import { type TSchema, Type } from 'typebox';
import { FieldMaskString, IdString, PageTokenString, WordString } from './strings.js';

/**
 * Building blocks of the wire contract (CONTRACT.md §1): every response field is optional and
 * nullable in the official spec; Roster always emits them, with `null` for unset timestamps.
 */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Opt = <T extends TSchema>(schema: T) => Type.Optional(Nullable(schema));

/** RFC 3339 with `T` and `Z`, as `Date.toISOString()` writes it. */
export const Timestamp = WordString({ format: 'date-time' });
export const NullableTimestamp = Nullable(Type.String());

/** int64 travels as a JSON string (protojson). */
export const Int64 = Type.String({ pattern: '^-?[0-9]+$' });
export const int64 = (n: number | bigint | string): string => String(n);

export const StringList = Type.Array(Type.String());

/** A protobuf Duration in JSON: seconds with up to nine fraction digits and an `s`, e.g. "3600s" (CONTRACT.md §1). */
export const Duration = WordString({ pattern: '^[0-9]{1,10}(\\.[0-9]{1,9})?s$' });

/**
 * Filters of search requests bind each item as a query parameter; a bound keeps every such request
 * within both dialects' parameter limits, so an oversized filter is a 400, not a fault.
 */
export const MAX_FILTER_ITEMS = 1_000;
export const filterList = <T extends TSchema>(item: T) => Type.Array(item, { maxItems: MAX_FILTER_ITEMS });
export const FilterIds = filterList(IdString());

/** `{list, nextPageToken}`, the shape of every list response. */
export const ListOf = <T extends TSchema>(item: T) =>
  Type.Object({ list: Type.Array(item), nextPageToken: Type.String() });

/** `{list, nextPageToken, expanded}` for lists whose items are views. */
export const ExpandedListOf = <T extends TSchema>(item: T) =>
  Type.Object({ list: Type.Array(item), nextPageToken: Type.String(), expanded: Type.Array(Type.Unknown()) });

/** GET list query: `page_size`, `page_token`. */
export const PageQuery = Type.Object({
  page_size: Type.Optional(Type.Integer({ minimum: 0 })),
  page_token: Type.Optional(PageTokenString()),
});

/** POST search body paging: `pageSize`, `pageToken`. */
export const PageBody = {
  pageSize: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  pageToken: Type.Optional(Nullable(PageTokenString())),
};

/** The paths of a FieldMask or an expandMask in a request; an entity has a few dozen fields. */
export const MaskPathList = Type.Array(WordString(), { maxItems: 100 });

/** FieldMask: a comma-separated string of camelCase paths (CONTRACT.md §1). */
export const FieldMask = Type.Optional(
  Nullable(Type.Union([FieldMaskString(), Type.Object({ paths: MaskPathList })])),
);

export function maskPaths(mask: string | { paths: string[] } | null | undefined): string[] | undefined {
  if (mask === null || mask === undefined) return undefined;
  const paths = typeof mask === 'string' ? mask.split(',') : mask.paths;
  const cleaned = paths.map((p) => p.trim()).filter((p) => p !== '');
  return cleaned.length === 0 ? undefined : cleaned.map(snakeToCamel);
}

const snakeToCamel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export const Empty = Type.Object({});
export const IdParam = IdString({ minLength: 1 });

/** `expandMask: {paths}` is accepted everywhere the contract has it; expansion is later work (§7.7). */
export const ExpandMask = Opt(Type.Object({ paths: Type.Optional(Type.Union([MaskPathList, Type.Null()])) }));

/** `expanded` of a response: always present, filled only when asked (§7.7). */
export const Expanded = Type.Array(Type.Unknown());
