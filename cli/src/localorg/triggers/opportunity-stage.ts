/**
 * What Salesforce itself derives on Opportunity: IsClosed and IsWon follow the
 * stage (in a real org, from the stage's settings; here, from the standard
 * closed stages). Clients cannot set them, so without this every deal would
 * look open to the rules of engagement.
 */
import type { RecordTrigger } from '../store/org-store.ts';

const CLOSED_STAGES: Readonly<Record<string, { won: boolean }>> = {
  'Closed Won': { won: true },
  'Closed Lost': { won: false },
};

export const opportunityStageTrigger: RecordTrigger = {
  object: 'Opportunity',
  beforeWrite(values) {
    if (!values.has('StageName')) return;
    const stage = values.get('StageName');
    const closed = typeof stage === 'string' ? CLOSED_STAGES[stage] : undefined;
    values.set('IsClosed', closed ? 1 : 0);
    values.set('IsWon', closed?.won ? 1 : 0);
  },
};
