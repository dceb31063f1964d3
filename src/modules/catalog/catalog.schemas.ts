import { Type } from 'typebox';
import { StringList } from '../../http/wire.js';
import { Opt } from '../apps/apps.schemas.js';

/** `expandMask: {paths}` is accepted everywhere the contract has it; expansion is later work (§7.7). */
export const ExpandMask = Opt(Type.Object({ paths: Type.Optional(Type.Union([StringList, Type.Null()])) }));

export const DisplayName = Type.String({ minLength: 1, maxLength: 500 });
export const NameEdit = Type.String({ maxLength: 500 });
export const Text = Type.String({ maxLength: 10_000 });
export const Ref = Type.String({ maxLength: 200 });

/** `expanded` of a response: always present, filled only when asked (§7.7). */
export const Expanded = Type.Array(Type.Unknown());
