import { IdString, NameString, TextString } from '../../http/strings.js';

export const DisplayName = NameString({ minLength: 1 });
export const NameEdit = NameString();
export const Text = TextString();
export const Ref = IdString();
