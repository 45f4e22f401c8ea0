import type { Connector } from '../../connector/model.ts';
import { swaggerKeyCandidates } from './extension-key-candidates.ts';

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
 * connectors use neither, and a look at the text is far cheaper than a walk over the document.
 * Strict JSON is answered from the `x…` literals that `extension-name-misspelled` lists anyway;
 * other text with one search for both (a key spelled with JSON escapes would be missed there; no
 * real connector does that). Without a text, everything counts as mentioned.
 * @example extensionMentions(connector).dynamic // false: no dynamic extension anywhere
 */
export function extensionMentions(connector: Connector): ExtensionMentions {
  let mentions = cache.get(connector);
  if (!mentions) {
    const keys = swaggerKeyCandidates(connector);
    const text = connector.files.swagger?.text;
    mentions = keys ? fromKeys(keys) : text === undefined ? ALL : scan(text);
    cache.set(connector, mentions);
  }
  return mentions;
}

function fromKeys(keys: ReadonlySet<string>): ExtensionMentions {
  let dynamic = false;
  for (const key of keys) if (key.startsWith('x-ms-dynamic-')) dynamic = true;
  return { dynamic, notificationUrl: keys.has('x-ms-notification-url') };
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
