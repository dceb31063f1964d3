import { Type } from 'typebox';
import { IdString, NameString, TextString } from '../../http/strings.js';
import { MaskPathList } from '../../http/wire.js';
import { Opt } from '../apps/apps.schemas.js';

/** `expandMask: {paths}` is accepted everywhere the contract has it; expansion is later work (§7.7). */
export const ExpandMask = Opt(Type.Object({ paths: Type.Optional(Type.Union([MaskPathList, Type.Null()])) }));

export const DisplayName = NameString({ minLength: 1 });
export const NameEdit = NameString();
export const Text = TextString();
export const Ref = IdString();

/** `expanded` of a response: always present, filled only when asked (§7.7). */
export const Expanded = Type.Array(Type.Unknown());
