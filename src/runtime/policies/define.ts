import type { JsonValue } from '../../connector/json.ts';
import type { PolicyInstance } from '../../connector/model.ts';
import type {
  CompiledPolicy,
  PolicyContext,
  PolicySection,
  PolicyTemplate,
  RuntimeRequest,
  RuntimeResponse,
} from '../types.ts';
import { InstanceParameters } from './parameters.ts';

/** What a template file declares: metadata, a parameter reader, and its hooks over a checked config. */
export interface TemplateSpec<Config> {
  readonly id: string;
  readonly title: string;
  readonly documented: boolean;
  readonly sections: readonly (PolicySection | 'trigger')[];
  /** Reads and checks the parameters once; problems go to `p.diagnostics`. */
  read(p: InstanceParameters): Config | undefined;
  request?(config: Config, request: RuntimeRequest, ctx: PolicyContext): void | Promise<void>;
  response?(config: Config, response: RuntimeResponse, ctx: PolicyContext): void | Promise<void>;
  /**
   * The inverse of the Response-section hook on a JSON body, for flowport's mock: it makes answers
   * from the swagger, which describes them as after the policy, and sends them as the API would.
   * Templates whose hook gives the same body when run twice (`setproperty`) need none.
   */
  unshape?(config: Config, body: { value: JsonValue }): void;
  /** Extra properties on the compiled policy (the `pollingtrigger` helpers read them). */
  extend?(config: Config): object;
}

/** Operation filter: empty means every operation; otherwise exact, case-sensitive ids (DECIDE). */
export function operationFilter(instance: PolicyInstance): (operationId: string | undefined) => boolean {
  const ids = new Set(instance.operations);
  return ids.size === 0 ? () => true : (id) => id !== undefined && ids.has(id);
}

/** Parameters read from nothing, noting each name asked for. */
class Recorder extends InstanceParameters {
  readonly names: string[] = [];
  override raw(name: string): undefined {
    if (!this.names.includes(name)) this.names.push(name);
    return undefined;
  }
}

/** The names `spec.read` asks for, read over an instance without parameters. */
function parameterNames(spec: TemplateSpec<unknown>): string[] {
  const recorder = new Recorder({
    templateId: spec.id,
    rawTemplateId: spec.id,
    title: undefined,
    parameters: {},
    operations: [],
    raw: {},
    pointer: '',
  });
  spec.read(recorder);
  return recorder.names;
}

/** Builds a `PolicyTemplate` whose `compile` validates once and wires the hook for the section. */
export function defineTemplate<Config>(spec: TemplateSpec<Config>): PolicyTemplate {
  let parameters: string[] | undefined;
  return {
    id: spec.id,
    title: spec.title,
    documented: spec.documented,
    sections: spec.sections,
    get parameters() {
      parameters ??= parameterNames(spec as TemplateSpec<unknown>);
      return parameters;
    },
    compile(instance) {
      const p = new InstanceParameters(instance);
      const section = p.section(spec.sections);
      const config = spec.read(p);
      if (section === undefined || config === undefined || p.diagnostics.length > 0)
        return { diagnostics: p.diagnostics };
      const { request, response, unshape } = spec;
      const policy: CompiledPolicy = {
        ...spec.extend?.(config),
        templateId: spec.id,
        instance,
        section,
        appliesTo: operationFilter(instance),
        ...(section === 'request' && request && { request: (r, ctx) => request(config, r, ctx) }),
        ...((section === 'response' || section === 'failure') &&
          response && { response: (r, ctx) => response(config, r, ctx) }),
        ...(section === 'response' && unshape && { unshape: (body) => unshape(config, body) }),
      };
      return { policy, diagnostics: [] };
    },
  };
}
