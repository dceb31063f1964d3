import { Type } from 'typebox';

export const DisplayName = Type.String({ minLength: 1, maxLength: 500 });
export const NameEdit = Type.String({ maxLength: 500 });
export const Text = Type.String({ maxLength: 10_000 });
export const Ref = Type.String({ maxLength: 200 });
