/**
 * Domains as evidence of a company: whatever a record holds (a website URL, a
 * bare host, an e-mail address with or without a display name) reduced to the
 * registrable domain (eTLD+1) that the company owns.
 */
import { FREE_MAIL_BRANDS, FREE_MAIL_DOMAINS } from './free-mail.ts';
import {
  MULTI_LABEL_PUBLIC_SUFFIXES,
  NON_PUBLIC_TOP_LEVEL,
  PARENTS_OF_THREE_LABEL_SUFFIXES,
} from './public-suffixes.ts';

/** "https://", "ftp://", "//" and "mailto:" carry no part of the host. */
const SCHEME = /^(?:[a-z][a-z0-9+.-]*:)?\/\/|^mailto:/i;

/** Where the host ends in a URL: path, query, fragment, or text after it. */
const END_OF_AUTHORITY = /[/?#\s,;>)\]"']/;

/** The dots IDNA treats as label separators besides ".": ideographic and full-width. */
const IDEOGRAPHIC_DOTS = /[\u3002\uff0e\uff61]/g;

/**
 * Labels of letters, digits, hyphens and underscores (seen in real records),
 * two labels at least; the ASCII pattern is the fast path for nearly all hosts.
 */
const ASCII_HOST_NAME = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)+$/;
const HOST_NAME = /^[\p{L}\p{M}\p{N}_-]+(?:\.[\p{L}\p{M}\p{N}_-]+)+$/u;

/** Top-level domains are never numeric, so such a host is an IPv4 address. */
const NUMERIC_LABEL = /^\d+$/;

/**
 * The registrable domain of a URL, host or e-mail address, lowercased:
 * "https://www.Acme.co.uk:8443/path" → "acme.co.uk",
 * "Jane <jane@mail.acme.com.au>" → "acme.com.au".
 *
 * Null when there is none to find: empty text, a single label ("localhost"),
 * an IP address, a non-public name ("intranet.corp") or a bare public suffix
 * ("co.uk"). Internationalized names stay in Unicode; punycode stays punycode.
 */
export function registrableDomain(raw: string): string | null {
  const host = hostName(raw);
  if (host === null) return null;
  const suffixStart = publicSuffixStart(host);
  if (suffixStart === 0) return null;
  return host.slice(host.lastIndexOf('.', suffixStart - 2) + 1);
}

/**
 * The registrable domain without its public suffix: "acme.co.uk" → "acme",
 * "blue-harbor.de" → "blue-harbor". Accepts anything `registrableDomain` does;
 * empty when that finds no registrable domain.
 */
export function domainLabel(registrable: string): string {
  const domain = registrableDomain(registrable);
  return domain === null ? '' : labelOf(domain);
}

/**
 * True when the domain (a host, registrable domain, URL or address) belongs to
 * a free mailbox provider: gmail.com, yahoo.co.uk, mail.ru...
 */
export function isFreeMailDomain(domain: string): boolean {
  const registrable = registrableDomain(domain);
  return registrable !== null && isFreeMailRegistrable(registrable);
}

/**
 * The domain to match customers on: the registrable domain, or null when there
 * is none or it is free mail, since a gmail.com address is no evidence of
 * which company someone works for.
 */
export function customerDomainKey(raw: string): string | null {
  const registrable = registrableDomain(raw);
  if (registrable === null || isFreeMailRegistrable(registrable)) return null;
  return registrable;
}

function isFreeMailRegistrable(registrable: string): boolean {
  return FREE_MAIL_DOMAINS.has(registrable) || FREE_MAIL_BRANDS.has(labelOf(registrable));
}

/** A registrable domain is one label and its public suffix, so the label ends at the first dot. */
function labelOf(registrable: string): string {
  return registrable.slice(0, registrable.indexOf('.'));
}

/** The lowercased host name in `raw`, or null when it holds none that can be public. */
function hostName(raw: string): string | null {
  let text = raw.trim();
  // "Jane Doe <jane@acme.com>": the address is between the angle brackets.
  const open = text.indexOf('<');
  if (open >= 0) {
    const close = text.indexOf('>', open);
    text = text.slice(open + 1, close < 0 ? undefined : close).trim();
  }
  if (text.includes('/') || text.includes(':')) text = text.replace(SCHEME, '');
  const end = text.search(END_OF_AUTHORITY);
  if (end >= 0) text = text.slice(0, end);
  // Mailbox or URL user info ("jane@", "user:secret@") precedes the host.
  const at = text.lastIndexOf('@');
  if (at >= 0) text = text.slice(at + 1);
  // "[2001:db8::1]" is an IPv6 literal; otherwise a colon starts the port.
  if (text.startsWith('[')) return null;
  const colon = text.indexOf(':');
  if (colon >= 0) text = text.slice(0, colon);
  text = text.toLowerCase();
  if (!ASCII_HOST_NAME.test(text)) {
    // One spelling per internationalized name: "u" + a combining diaeresis is "ü".
    text = withoutTrailingDots(text.replace(IDEOGRAPHIC_DOTS, '.').normalize('NFC'));
    if (!HOST_NAME.test(text)) return null;
  }
  const topLevel = text.slice(text.lastIndexOf('.') + 1);
  if (NUMERIC_LABEL.test(topLevel) || NON_PUBLIC_TOP_LEVEL.has(topLevel)) return null;
  return text;
}

/** "acme.com." is the fully qualified spelling of "acme.com". */
function withoutTrailingDots(host: string): string {
  let end = host.length;
  while (end > 0 && host.charCodeAt(end - 1) === 0x2e) end--;
  return end < host.length ? host.slice(0, end) : host;
}

/** Index in `host` where its public suffix starts: 0 when the whole host is one. */
function publicSuffixStart(host: string): number {
  const topDot = host.lastIndexOf('.');
  if (topDot < 0) return 0;
  const secondDot = host.lastIndexOf('.', topDot - 1);
  const lastTwo = host.slice(secondDot + 1);
  if (secondDot >= 0 && PARENTS_OF_THREE_LABEL_SUFFIXES.has(lastTwo)) {
    const thirdDot = host.lastIndexOf('.', secondDot - 1);
    if (MULTI_LABEL_PUBLIC_SUFFIXES.has(host.slice(thirdDot + 1))) return thirdDot + 1;
  }
  if (MULTI_LABEL_PUBLIC_SUFFIXES.has(lastTwo)) return secondDot + 1;
  return topDot + 1;
}
