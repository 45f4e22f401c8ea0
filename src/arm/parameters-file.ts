import { isObject, type JsonObject, type JsonValue, setOwn } from '../connector/json.ts';
import { FlowportError } from '../errors.ts';
import { armDeployed, readsAsExpression } from './literal.ts';
import type { ArmTemplate } from './model.ts';

export const PARAMETERS_SCHEMA =
  'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

/** Where a secure parameter's value comes from in a new parameters file: a Key Vault secret to name. */
const KEY_VAULT_REFERENCE: JsonObject = {
  reference: {
    keyVault: {
      id: '/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.KeyVault/vaults/<vault-name>',
    },
    secretName: '<secret-name>',
  },
};

export interface ParametersFile {
  readonly file: JsonObject;
  /** False when an existing file was updated. */
  readonly created: boolean;
  /** Parameters added by this call (all of them for a new file). */
  readonly added: readonly string[];
  /** Parameters whose value must still be filled in: no default, or a Key Vault reference to complete. */
  readonly toFill: readonly string[];
}

/**
 * A deployment parameters file for the template
 * (https://learn.microsoft.com/azure/azure-resource-manager/templates/parameter-files): each
 * parameter with its literal default, secure ones as Key Vault references (a secret never belongs in
 * a file kept in Git), others without a default empty. Given the text of an existing file, keeps
 * every value in it and only adds the parameters it lacks; a file that is not a parameters file is an
 * error (`CONFIG_INVALID`), never overwritten.
 */
export function parametersFile(
  template: ArmTemplate,
  existing?: { path: string; text: string },
): ParametersFile {
  let file: JsonObject = { $schema: PARAMETERS_SCHEMA, contentVersion: '1.0.0.0', parameters: {} };
  if (existing) {
    let parsed: JsonValue;
    try {
      parsed = JSON.parse(existing.text.replace(/^\uFEFF/, '')) as JsonValue;
    } catch (error) {
      throw new FlowportError(
        'CONFIG_INVALID',
        `${existing.path} is not valid JSON (${(error as Error).message}); fix it or remove it, and run again: it was left as it is.`,
      );
    }
    if (!isObject(parsed) || (parsed.parameters !== undefined && !isObject(parsed.parameters)))
      throw new FlowportError(
        'CONFIG_INVALID',
        `${existing.path} is not an ARM parameters file (an object with a \`parameters\` object); it was left as it is.`,
      );
    file = parsed;
    if (!isObject(file.parameters)) file.parameters = {};
  }
  const values = file.parameters as JsonObject;
  const added: string[] = [];
  const toFill: string[] = [];
  for (const [name, p] of Object.entries(template.parameters)) {
    const present = values[name];
    if (isObject(present) && (present.value !== undefined || present.reference !== undefined)) {
      if (isObject(present.reference) && JSON.stringify(present.reference).includes('<')) toFill.push(name);
      else if (present.value === '' && p.defaultValue === undefined) toFill.push(name);
      continue;
    }
    // Parameters whose default is an expression (the location, names made from others) are left to
    // it; a parameters file is not evaluated, so an escaped literal default is written as deployed.
    const d = p.defaultValue;
    if (typeof d === 'string' && readsAsExpression(d) && !d.startsWith('[[')) continue;
    const value = d === undefined ? undefined : armDeployed(d);
    if (p.type === 'securestring') {
      setOwn(values, name, structuredClone(KEY_VAULT_REFERENCE));
      toFill.push(name);
    } else if (value !== undefined) setOwn(values, name, { value });
    else {
      setOwn(values, name, { value: p.type === 'int' ? 0 : p.type === 'bool' ? false : '' });
      toFill.push(name);
    }
    added.push(name);
  }
  return { file, created: existing === undefined, added, toFill };
}
