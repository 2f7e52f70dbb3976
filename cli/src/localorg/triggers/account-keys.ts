/**
 * Plays the deployed Account trigger's part: keeps the match keys
 * (`Trellis_Name_Key__c`, `Trellis_Domain_Key__c`) current whenever an
 * account's name or website is written, through any API.
 */
import { companyNameKey, customerDomainKey } from '../../engine/normalize/index.ts';
import type { RecordTrigger } from '../store/org-store.ts';

export const accountKeysTrigger: RecordTrigger = {
  object: 'Account',
  beforeWrite(values, previous) {
    const name = values.has('Name') ? values.get('Name') : previous?.Name;
    const website = values.has('Website') ? values.get('Website') : previous?.Website;
    if (values.has('Name') || previous === null) {
      values.set('Trellis_Name_Key__c', typeof name === 'string' ? companyNameKey(name) || null : null);
    }
    if (values.has('Website') || previous === null) {
      values.set('Trellis_Domain_Key__c', typeof website === 'string' ? customerDomainKey(website) : null);
    }
  },
};
