/**
 * Public suffixes under which companies register their domains, beyond the
 * single last label.
 *
 * This is a curated list, not the full Public Suffix List (about 10,000 rules,
 * most of them for universities, cities and hosting customers that a B2B
 * customer record never holds). It covers the second-level registries that
 * businesses actually use (co.uk, com.au, co.jp, com.br...), and a few hosting
 * platforms on which each customer's subdomain is its own site (github.io,
 * myshopify.com, my.site.com), so that two different shops there do not share
 * one "domain". For any other name the last label is the suffix.
 */

const SECOND_LEVEL_BY_COUNTRY: Readonly<Record<string, readonly string[]>> = {
  ae: ['co', 'net', 'org', 'ac', 'gov'],
  ar: ['com', 'net', 'org', 'gob', 'edu', 'int'],
  at: ['co', 'or', 'ac', 'gv'],
  au: ['com', 'net', 'org', 'edu', 'gov', 'asn', 'id'],
  bd: ['com', 'net', 'org', 'edu', 'gov'],
  bh: ['com', 'net', 'org', 'edu', 'gov'],
  bo: ['com', 'net', 'org', 'edu', 'gob'],
  br: ['com', 'net', 'org', 'gov', 'edu', 'art', 'ind', 'inf', 'eng', 'adv', 'emp'],
  bw: ['co', 'org', 'ac'],
  cn: ['com', 'net', 'org', 'gov', 'edu', 'ac'],
  co: ['com', 'net', 'org', 'edu', 'gov', 'nom'],
  cr: ['co', 'or', 'ac', 'go'],
  cy: ['com', 'net', 'org', 'ac'],
  do: ['com', 'net', 'org', 'edu', 'gob'],
  dz: ['com', 'net', 'org', 'edu', 'gov'],
  ec: ['com', 'net', 'org', 'edu', 'gob'],
  eg: ['com', 'net', 'org', 'edu', 'gov'],
  es: ['com', 'org', 'nom', 'gob', 'edu'],
  gh: ['com', 'org', 'edu', 'gov'],
  gr: ['com', 'net', 'org', 'edu', 'gov'],
  gt: ['com', 'net', 'org', 'edu', 'gob'],
  hk: ['com', 'net', 'org', 'edu', 'gov', 'idv'],
  hn: ['com', 'net', 'org', 'edu', 'gob'],
  hu: ['co', 'org'],
  id: ['co', 'or', 'ac', 'go', 'web', 'net', 'sch', 'my', 'biz'],
  il: ['co', 'org', 'ac', 'gov', 'net', 'muni'],
  in: ['co', 'net', 'org', 'firm', 'gen', 'ind', 'ac', 'edu', 'res', 'gov', 'nic'],
  jo: ['com', 'net', 'org', 'edu', 'gov'],
  jp: ['co', 'ne', 'or', 'ac', 'go', 'ad', 'ed', 'gr', 'lg'],
  ke: ['co', 'or', 'ne', 'ac', 'go'],
  kh: ['com', 'net', 'org', 'edu', 'gov'],
  kr: ['co', 'or', 'ne', 'ac', 'go', 're', 'pe'],
  kw: ['com', 'net', 'org', 'edu', 'gov'],
  lb: ['com', 'net', 'org', 'edu', 'gov'],
  lk: ['com', 'net', 'org', 'edu', 'gov'],
  ma: ['co', 'net', 'org', 'ac', 'gov'],
  mt: ['com', 'net', 'org', 'edu', 'gov'],
  mx: ['com', 'net', 'org', 'edu', 'gob'],
  my: ['com', 'net', 'org', 'edu', 'gov', 'name'],
  ng: ['com', 'net', 'org', 'edu', 'gov'],
  ni: ['com', 'net', 'org', 'edu', 'gob'],
  np: ['com', 'net', 'org', 'edu', 'gov'],
  nz: ['co', 'net', 'org', 'ac', 'govt', 'school', 'geek', 'gen', 'kiwi', 'maori'],
  om: ['com', 'net', 'org', 'edu', 'gov'],
  pa: ['com', 'net', 'org', 'edu', 'gob'],
  pe: ['com', 'net', 'org', 'edu', 'gob', 'nom'],
  ph: ['com', 'net', 'org', 'edu', 'gov'],
  pk: ['com', 'net', 'org', 'edu', 'gov'],
  pl: ['com', 'net', 'org', 'biz', 'info', 'edu', 'gov'],
  pr: ['com', 'net', 'org', 'edu', 'gov'],
  pt: ['com', 'org', 'gov', 'edu', 'int', 'net', 'nome', 'publ'],
  py: ['com', 'net', 'org', 'edu', 'gov'],
  qa: ['com', 'net', 'org', 'edu', 'gov'],
  ro: ['com', 'org', 'nt', 'info', 'tm', 'firm', 'store'],
  sa: ['com', 'net', 'org', 'edu', 'gov', 'med', 'sch'],
  sg: ['com', 'net', 'org', 'edu', 'gov', 'per'],
  sv: ['com', 'org', 'edu', 'gob'],
  th: ['co', 'or', 'ac', 'go', 'in', 'net', 'mi'],
  tn: ['com', 'net', 'org', 'ens', 'gov'],
  tr: ['com', 'net', 'org', 'gen', 'biz', 'info', 'web', 'tv', 'av', 'bel', 'edu', 'gov'],
  tw: ['com', 'net', 'org', 'edu', 'gov', 'idv'],
  tz: ['co', 'or', 'ne', 'ac', 'go'],
  ua: ['com', 'net', 'org', 'edu', 'gov', 'in'],
  ug: ['co', 'or', 'ne', 'ac', 'go'],
  uk: ['co', 'org', 'me', 'net', 'ltd', 'plc', 'ac', 'gov', 'nhs', 'police', 'sch'],
  uy: ['com', 'net', 'org', 'edu', 'gub'],
  ve: ['com', 'net', 'org', 'edu', 'gob', 'co', 'web'],
  vn: ['com', 'net', 'org', 'edu', 'gov', 'biz', 'info', 'name'],
  za: ['co', 'org', 'net', 'web', 'gov', 'ac', 'edu'],
  zm: ['co', 'org', 'ac'],
  zw: ['co', 'org', 'ac'],
};

/** Platforms that give each customer a subdomain of its own site. */
const HOSTING_PLATFORMS: readonly string[] = [
  'github.io',
  'gitlab.io',
  'herokuapp.com',
  'azurewebsites.net',
  'cloudapp.net',
  'appspot.com',
  'web.app',
  'firebaseapp.com',
  'netlify.app',
  'vercel.app',
  'pages.dev',
  'workers.dev',
  'blogspot.com',
  'wordpress.com',
  'wixsite.com',
  'squarespace.com',
  'myshopify.com',
  'business.site',
  'sharepoint.com',
  'force.com',
  'my.salesforce.com',
  'my.site.com',
];

/** Every public suffix with more than one label, lowercase, without leading or trailing dots. */
export const MULTI_LABEL_PUBLIC_SUFFIXES: ReadonlySet<string> = new Set([
  ...Object.entries(SECOND_LEVEL_BY_COUNTRY).flatMap(([country, labels]) =>
    labels.map((label) => `${label}.${country}`),
  ),
  ...HOSTING_PLATFORMS,
]);

/**
 * The last two labels of every three-label suffix ("salesforce.com" for
 * "my.salesforce.com"): only under these is a three-label suffix possible, so
 * only these hosts need the longer lookup.
 */
export const PARENTS_OF_THREE_LABEL_SUFFIXES: ReadonlySet<string> = new Set(
  [...MULTI_LABEL_PUBLIC_SUFFIXES]
    .filter((suffix) => suffix.split('.').length === 3)
    .map((suffix) => suffix.slice(suffix.indexOf('.') + 1)),
);

/**
 * Names that are not public on the internet (RFC 6761 special-use names and
 * the suffixes intranets commonly use): a host under them is no evidence of a
 * company's public domain.
 */
export const NON_PUBLIC_TOP_LEVEL: ReadonlySet<string> = new Set([
  'local',
  'localhost',
  'localdomain',
  'internal',
  'intranet',
  'lan',
  'home',
  'corp',
  'invalid',
  'test',
  'example',
  'arpa',
  'onion',
]);
