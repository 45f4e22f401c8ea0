import type { Connector } from '../../connector/model.ts';

/** Which extension families the swagger text mentions at all. */
export interface ExtensionMentions {
  /** `x-ms-dynamic-values`, `-list`, `-schema`, `-properties`, `-tree`. */
  readonly dynamic: boolean;
  readonly notificationUrl: boolean;
}

const PREFIX = 'x-ms-';
const ALL: ExtensionMentions = { dynamic: true, notificationUrl: true };
const cache = new WeakMap<Connector, ExtensionMentions>();

/**
 * Whether the swagger text mentions the dynamic extensions and `x-ms-notification-url`: most
 * connectors use neither, and one search of the text is far cheaper than a walk over the document.
 * Both are found in one pass. (A key spelled with JSON escapes would be missed; no real connector
 * does that.) Without a text, everything counts as mentioned.
 * @example extensionMentions(connector).dynamic // false: no dynamic extension anywhere
 */
export function extensionMentions(connector: Connector): ExtensionMentions {
  let mentions = cache.get(connector);
  if (!mentions) {
    const text = connector.files.swagger?.text;
    mentions = text === undefined ? ALL : scan(text);
    cache.set(connector, mentions);
  }
  return mentions;
}

function scan(text: string): ExtensionMentions {
  let dynamic = false;
  let notificationUrl = false;
  // `indexOf` skips to the rare letter `x` at memory speed; a regular expression is three times slower.
  for (
    let at = text.indexOf(PREFIX);
    at >= 0 && !(dynamic && notificationUrl);
    at = text.indexOf(PREFIX, at)
  ) {
    at += PREFIX.length;
    if (text.startsWith('dynamic-', at)) dynamic = true;
    else if (text.startsWith('notification-url', at)) notificationUrl = true;
  }
  return { dynamic, notificationUrl };
}
