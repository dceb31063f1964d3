import { Type } from 'typebox';
import { IdString } from '../../http/strings.js';
import { Nullable } from '../../http/wire.js';
import { GrantExpiryFields } from '../grants/index.js';

export const AddManualUsersBody = Type.Object({
  // Real IDs are 27 characters; a longer string cannot be one and is refused outright.
  userIds: Type.Optional(Nullable(Type.Array(IdString()))),
  ...GrantExpiryFields,
});

export const AddManualUsersResponse = Type.Object({
  bulkActionId: Type.String(),
  failedUsersErrorMap: Type.Record(Type.String(), Type.String()),
  dryRun: Type.Optional(
    Type.Object({
      wouldAdd: Type.Array(Type.String()),
      wouldCreateAppUser: Type.Array(Type.String()),
      alreadyMembers: Type.Array(Type.String()),
    }),
  ),
});
