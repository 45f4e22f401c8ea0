import { lazy } from '../lazy.ts';
import type { SolutionContent } from './model.ts';

// Loaded only when a certification package is checked.
const xml = lazy<typeof import('fast-xml-parser')>('fast-xml-parser');

type XmlValue = string | number | boolean | XmlObject | XmlValue[];
interface XmlObject {
  readonly [key: string]: XmlValue;
}

/**
 * What a solution's `customizations.xml` declares, as ConnectorPackageValidator reads it (XPath
 * `//Connector`, `//Workflows`, `//aicopilot_aiplugin`: elements of that name anywhere, with child
 * nodes or attributes). Returns the reason instead when the text is not well-formed XML.
 */
export function readCustomizations(text: string): SolutionContent | { readonly invalid: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { XMLParser, XMLValidator } = xml();
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return { invalid: `${msg.replace(/\.$/, '')} (line ${line}, column ${col})` };
  }
  const tree = new XMLParser({
    ignoreAttributes: false,
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
  }).parse(body) as XmlObject;
  const connectors = elements(tree, 'Connector');
  const first = connectors.find((c): c is XmlObject => typeof c === 'object' && !Array.isArray(c));
  const part = (name: string) => {
    const value = first === undefined ? undefined : elements(first, name)[0];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const path = (name: string) => part(name)?.replace(/^\//, '');
  const iconBrandColor = part('iconbrandcolor');
  const iconFile = path('iconblob');
  const definitionFile = path('openapidefinition');
  const connectionParametersFile = path('connectionparameters');
  const policyTemplatesFile = path('policytemplateinstances');
  return {
    connector: connectors.some(filled),
    workflows: elements(tree, 'Workflows').some(filled),
    plugin: elements(tree, 'aicopilot_aiplugin').some(filled),
    connectorFiles: [...new Set(connectors.flatMap((c) => connectorPaths(c)))],
    connectorParts: {
      ...(iconBrandColor !== undefined && { iconBrandColor }),
      ...(iconFile !== undefined && { iconFile }),
      ...(definitionFile !== undefined && { definitionFile }),
      ...(connectionParametersFile !== undefined && { connectionParametersFile }),
      ...(policyTemplatesFile !== undefined && { policyTemplatesFile }),
    },
    workflowFiles: [
      ...new Set(
        elements(tree, 'Workflow')
          .flatMap((w) => (typeof w === 'object' && !Array.isArray(w) ? elements(w, 'JsonFileName') : []))
          .flatMap((name) =>
            typeof name === 'string' && name.trim() !== '' ? [name.trim().replace(/^\//, '')] : [],
          ),
      ),
    ],
  };
}

/** Every element named `name`, at any depth (repeated elements come as arrays). */
function elements(node: XmlValue, name: string, out: XmlValue[] = []): XmlValue[] {
  if (Array.isArray(node)) {
    for (const item of node) elements(item, name, out);
  } else if (typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === name) {
        if (Array.isArray(value)) out.push(...value);
        else out.push(value);
      }
      elements(value, name, out);
    }
  }
  return out;
}

/** Has child nodes or attributes: `<Workflows />` parses as `''`. */
function filled(value: XmlValue): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'object')
    return Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0;
  return true;
}

/** Texts under a connector element naming files of the solution's `Connector/` folder. */
function connectorPaths(node: XmlValue, out: string[] = []): string[] {
  if (typeof node === 'string') {
    const path = node.trim();
    if (/^\/?connector\/[^/]/i.test(path) && !/\s/.test(path)) out.push(path.replace(/^\//, ''));
  } else if (Array.isArray(node)) {
    for (const item of node) connectorPaths(item, out);
  } else if (typeof node === 'object') {
    for (const value of Object.values(node)) connectorPaths(value, out);
  }
  return out;
}
