/** Small text helpers for the lifecycle's checks and its refusal sentences. */
import type { ActorRole } from '../types.ts';

/** Values come from forms and JSON: null, undefined and whitespace all mean "not given". */
export function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}

const ROLE_NAMES: Record<ActorRole, string> = {
  Partner: 'a partner',
  ChannelManager: 'a channel manager',
  Admin: 'an admin',
  System: 'the system',
};

/** How a role reads inside a sentence: "a channel manager". */
export function describeRole(role: ActorRole): string {
  return ROLE_NAMES[role];
}

/** "A", "A or B", "A, B or C". */
export function joinAlternatives(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
