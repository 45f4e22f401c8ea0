import { isObject, type JsonObject, ownArray, ownObject, ownString } from '../connector/json.ts';
import { join } from '../connector/pointer.ts';
import { sameDisplayText } from '../validate/helpers/display-name-style.ts';
import { DESCRIPTION_RESTRICTED, TITLE_RESTRICTED } from '../validate/helpers/restricted-words.ts';
import type { Losses } from './loss.ts';
import { createIdRegistry, normaliseOperationId, operationIdFor } from './operation-id.ts';
import { cleanSummary, cut, plainText, sentence, summaryFromId, titleCase } from './text.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
const PLAIN_SUMMARY = /^[A-Za-z0-9 ()]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function withoutWords(text: string, words: typeof TITLE_RESTRICTED): string {
  let out = text;
  for (const w of words) out = out.replace(new RegExp(w.pattern.source, 'gi'), ' ');
  return out.replace(/\s+/g, ' ').trim();
}

/** `info.title` as certification wants it: no "API"/"Connector", at most 30 characters, ends alphanumeric. */
export function cleanTitle(title: string, fallback: string): string {
  let t = withoutWords(plainText(title), TITLE_RESTRICTED)
    .replace(/[^\p{L}\p{N} ()\-.&']/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  t = t.replace(/\(\s*\)/g, ' ').replace(/\s+/g, ' ');
  t = cut(t, 30)
    .replace(/[^\p{L}\p{N})]+$/u, '')
    .replace(/^[^\p{L}\p{N}]+/u, '');
  return t === '' ? fallback : t;
}

function absoluteUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** `The page size.` from `Page Size`: lower-cases title-cased words, keeps acronyms. */
function describe(summary: string): string {
  const text = summary
    .split(' ')
    .map((w) => (/^[A-Z][a-z]+$/.test(w) ? w.toLowerCase() : w))
    .join(' ');
  return `The ${text}.`;
}

function enrichParameter(p: JsonObject, pointer: string, losses: Losses, preserve: boolean): void {
  if (ownString(p, '$ref')) return;
  if (p['x-ms-visibility'] === 'internal') return;
  const name = ownString(p, 'name') ?? '';
  const given = ownString(p, 'x-ms-summary');
  // Characters, case and length of a display name are certification warnings: an author's stay.
  const keep = preserve && given !== undefined && given.trim() !== '';
  if (!keep && (given === undefined || !PLAIN_SUMMARY.test(given) || given.length > 80)) {
    const summary = titleCase(given ?? (p.in === 'body' ? 'Body' : name)) || titleCase(name) || 'Value';
    if (given !== undefined && given !== summary)
      losses.add(join(pointer, 'x-ms-summary'), 'parameter summary', `\`${given}\` became \`${summary}\``);
    p['x-ms-summary'] = summary;
  }
  const summary = String(p['x-ms-summary']);
  const description = ownString(p, 'description');
  if (description === undefined || description.trim() === '')
    p.description = p.in === 'body' ? 'The request body.' : describe(summary);
  else if (!preserve) p.description = sentence(description);
}

export interface EnrichOptions {
  /** Name to use when the description has no usable title. */
  readonly fallbackTitle: string;
  /**
   * Keep what the author wrote when it only breaks warning-level style (a Swagger 2.0 connector
   * given back to `init` comes back as it was): summaries in title case, operationIds with `_`,
   * parameter display names and descriptions as written.
   */
  readonly preserve?: boolean;
}

/**
 * Makes a Swagger 2.0 document's texts and names pass the validator's content rules: title,
 * description, operationIds, summaries, descriptions, parameter display names. Works in place on a
 * document the converter owns. Changes that alter what the author wrote are reported.
 */
export function enrich(swagger: JsonObject, losses: Losses, options: EnrichOptions): void {
  const info = ownObject(swagger, 'info') ?? {};
  swagger.info = info;
  const rawTitle = ownString(info, 'title') ?? '';
  const title = cleanTitle(rawTitle, options.fallbackTitle);
  if (title !== rawTitle)
    losses.add(
      '/info/title',
      'title',
      `\`${rawTitle}\` became \`${title}\` (at most 30 characters, no "API" or "Connector")`,
    );
  info.title = title;
  if (typeof info.version !== 'string')
    info.version = info.version === undefined ? '1.0' : String(info.version);

  const contact = ownObject(info, 'contact');
  if (contact) {
    const email = ownString(contact, 'email');
    if (email !== undefined && !EMAIL.test(email)) {
      losses.add('/info/contact/email', 'contact email', `\`${email}\` dropped; not an email address`);
      delete contact.email;
    }
    const url = ownString(contact, 'url');
    if (url !== undefined && !absoluteUrl(url)) {
      losses.add('/info/contact/url', 'contact URL', `\`${url}\` dropped; not an absolute http(s) URL`);
      delete contact.url;
    }
  }
  const license = ownObject(info, 'license');
  if (license && ownString(license, 'url') !== undefined && !absoluteUrl(ownString(license, 'url')))
    delete license.url;

  const operations: { op: JsonObject; pointer: string; method: string; path: string }[] = [];
  for (const [path, item] of Object.entries(ownObject(swagger, 'paths') ?? {})) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = ownObject(item, method);
      if (op) operations.push({ op, pointer: join('/paths', path, method), method, path });
    }
  }

  const unique = createIdRegistry();
  for (const { op, pointer, method, path } of operations) {
    const given = ownString(op, 'operationId');
    const clean =
      given !== undefined && options.preserve === true && /^[A-Za-z0-9_]+$/.test(given) && given.length < 128;
    const id = unique(
      clean
        ? given
        : given
          ? normaliseOperationId(given) || operationIdFor(method, path)
          : operationIdFor(method, path),
    );
    if (given === undefined) losses.add(pointer, 'operationId', `missing; named \`${id}\``);
    else if (given !== id)
      losses.add(join(pointer, 'operationId'), 'operationId', `\`${given}\` became \`${id}\``);
    op.operationId = id;

    const givenSummary = ownString(op, 'summary');
    const givenDescription = ownString(op, 'description');
    const cleaned = cleanSummary(givenSummary ?? '', title);
    const keep =
      options.preserve === true &&
      givenSummary !== undefined &&
      cleaned.toLowerCase() === givenSummary.toLowerCase();
    let summary =
      (keep ? givenSummary : cleaned) ||
      cleanSummary(givenDescription ?? '', title) ||
      summaryFromId(id) ||
      'Call the service';
    if (op['x-ms-trigger'] !== undefined && !/^when\b/i.test(summary))
      summary = `When ${summary.charAt(0).toLowerCase()}${summary.slice(1)}`.slice(0, 80);
    if (op.deprecated === true && !/deprecated/i.test(summary)) summary = `${cut(summary, 67)} (deprecated)`;
    if (
      givenSummary !== undefined &&
      !sameDisplayText(givenSummary, summary) &&
      givenSummary.toLowerCase() !== summary.toLowerCase()
    )
      losses.add(join(pointer, 'summary'), 'summary', `\`${cut(givenSummary, 60)}\` became \`${summary}\``);
    op.summary = summary;
    let description = givenDescription?.trim() ? givenDescription.trim() : sentence(summary);
    if (op.deprecated === true && !/deprecated/i.test(description))
      description = `${sentence(description)} (deprecated)`;
    op.description = description;

    (ownArray(op, 'parameters') ?? []).forEach((p, i) => {
      if (isObject(p)) enrichParameter(p, join(pointer, 'parameters', i), losses, options.preserve === true);
    });
  }
  for (const [path, item] of Object.entries(ownObject(swagger, 'paths') ?? {}))
    (ownArray(item, 'parameters') ?? []).forEach((p, i) => {
      if (isObject(p))
        enrichParameter(p, join('/paths', path, 'parameters', i), losses, options.preserve === true);
    });
  for (const [name, p] of Object.entries(ownObject(swagger, 'parameters') ?? {}))
    if (isObject(p)) enrichParameter(p, join('/parameters', name), losses, options.preserve === true);

  const rawDescription = ownString(info, 'description') ?? '';
  let description = withoutWords(plainText(rawDescription), DESCRIPTION_RESTRICTED);
  if (description.length > 500) {
    const within = description.slice(0, 500);
    const end = Math.max(within.lastIndexOf('. '), within.lastIndexOf('.\n'));
    description = end >= 30 ? within.slice(0, end + 1) : `${cut(description, 497)}...`;
    losses.add('/info/description', 'description', 'shortened to at most 500 characters (plain text)');
  } else if (description.length < 30) {
    const count = operations.length;
    description = `${description ? `${sentence(description)} ` : ''}Use ${title} from flows and apps: ${count} operation${count === 1 ? '' : 's'}.`;
    losses.add(
      '/info/description',
      'description',
      `${rawDescription ? 'too short; extended' : 'missing; written'} to reach the 30 characters certification needs`,
    );
  } else if (description !== rawDescription.trim()) {
    losses.add('/info/description', 'description', 'Markdown and HTML removed (plain text)');
  }
  info.description = description;

  if (swagger['x-ms-connector-metadata'] === undefined) {
    const website =
      absoluteUrl(ownString(contact, 'url')) ??
      absoluteUrl(ownString(ownObject(swagger, 'externalDocs'), 'url')) ??
      absoluteUrl(ownString(info, 'termsOfService'));
    if (website) swagger['x-ms-connector-metadata'] = [{ propertyName: 'Website', propertyValue: website }];
  }
}
