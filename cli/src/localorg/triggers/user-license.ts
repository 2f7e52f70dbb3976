/**
 * Plays Salesforce's own part when a user is created: the user type follows from the profile's
 * license, and an Experience Cloud user (partner or customer) is the user of a Contact, whose
 * Account it then belongs to. Sharing for partner users keys on that Account.
 */
import { ApiError } from '../store/errors.ts';
import type { RecordTrigger } from '../store/org-store.ts';
import type { Database } from '../store/sqlite.ts';
import { EXTERNAL_USER_TYPES } from '../sharing/principal.ts';

export function userLicenseTrigger(db: Database): RecordTrigger {
  const profileType = db.prepare('SELECT "UserType" FROM "Profile" WHERE "Id" = ?');
  const contactAccount = db.prepare('SELECT "AccountId" FROM "Contact" WHERE "Id" = ? AND "IsDeleted" = 0');
  return {
    object: 'User',
    beforeWrite(values, previous) {
      if (!values.has('ProfileId') && previous !== null) return;
      const profileId = values.get('ProfileId') ?? previous?.ProfileId ?? null;
      const row = profileType.get(profileId) as { UserType: string | null } | undefined;
      const userType = row?.UserType ?? 'Standard';
      const contactId = values.get('ContactId') ?? previous?.ContactId ?? null;
      if (previous !== null && (previous.UserType ?? 'Standard') !== userType) {
        throw new ApiError(
          'FIELD_INTEGRITY_EXCEPTION',
          `Cannot change the user's license: the profile must have the user type ${String(previous.UserType)}`,
          { fields: ['ProfileId'] },
        );
      }
      if (EXTERNAL_USER_TYPES.has(userType)) {
        if (contactId === null) {
          throw new ApiError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [ContactId]', {
            fields: ['ContactId'],
          });
        }
        const contact = contactAccount.get(contactId) as { AccountId: string | null } | undefined;
        if (!contact?.AccountId) {
          throw new ApiError(
            'FIELD_INTEGRITY_EXCEPTION',
            'An Experience Cloud user needs a Contact that belongs to an Account',
            { fields: ['ContactId'] },
          );
        }
        values.set('AccountId', contact.AccountId);
      } else if (contactId !== null) {
        throw new ApiError(
          'FIELD_INTEGRITY_EXCEPTION',
          'Only users with an Experience Cloud profile can be the user of a Contact',
          { fields: ['ContactId'] },
        );
      }
      values.set('UserType', userType);
    },
  };
}
