import type { JsonObject } from '../connector/json.ts';
import { FlowportError } from '../errors.ts';

export type Fetch = typeof fetch;

export interface PowerAppsClientOptions {
  /** `https://api.powerapps.com`, or `powerAppsUrl` of settings.json (sovereign clouds, tests). */
  readonly baseUrl: string;
  readonly apiVersion: string;
  readonly environment: string;
  readonly token: string;
  readonly fetch?: Fetch;
}

/**
 * The PowerApps resource provider's custom connector calls paconn makes (certification spec §5.2):
 * every call with the bearer token, `api-version`, and the environment as a `$filter`.
 */
export class PowerAppsClient {
  private readonly options: PowerAppsClientOptions;
  private readonly fetch: Fetch;

  constructor(options: PowerAppsClientOptions) {
    this.options = options;
    this.fetch = options.fetch ?? fetch;
  }

  private url(path: string, filter: boolean, extra = ''): string {
    const { baseUrl, apiVersion, environment } = this.options;
    const query = [`api-version=${encodeURIComponent(apiVersion)}`];
    if (filter)
      query.push(`%24filter=${encodeURIComponent(`environment eq '${environment}'`).replaceAll("'", '%27')}`);
    return `${baseUrl}/providers/Microsoft.PowerApps/${path}?${query.join('&')}${extra}`;
  }

  private async call(
    method: string,
    url: string,
    what: string,
    body?: unknown,
  ): Promise<{ status: number; text: string }> {
    let response: Response;
    try {
      response = await this.fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${this.options.token}`,
          accept: 'application/json',
          'x-ms-origin': 'flowport',
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch (cause) {
      throw new FlowportError(
        'UPSTREAM_UNREACHABLE',
        `${what}: ${new URL(url).origin} does not answer (${(cause as Error).message}).`,
        { cause },
      );
    }
    const text = await response.text();
    if (!response.ok)
      throw new FlowportError('API_PROBLEM', `${what} failed: HTTP ${response.status}${problemOf(text)}.`);
    return { status: response.status, text };
  }

  /** `validateApiSwagger`, without the certification rules (as paconn's create and update). */
  async validateSwagger(objectId: string, swagger: JsonObject): Promise<void> {
    await this.call(
      'POST',
      this.url(`objectIds/${encodeURIComponent(objectId)}/validateApiSwagger`, false),
      'Validating the swagger',
      swagger,
    );
  }

  /** `generateResourceStorage`: a blob container's SAS URL to upload the icon and script to. */
  async resourceStorage(objectId: string): Promise<string> {
    const { text } = await this.call(
      'POST',
      this.url(`objectIds/${encodeURIComponent(objectId)}/generateResourceStorage`, false),
      'Asking for upload storage',
      { environment: { name: this.options.environment } },
    );
    const sas = parse(text)?.sharedAccessSignature;
    if (typeof sas !== 'string' || !/^https?:\/\//.test(sas))
      throw new FlowportError(
        'UPSTREAM_INVALID_RESPONSE',
        'Asking for upload storage gave no `sharedAccessSignature` URL.',
      );
    return sas;
  }

  /** Creates the custom connector; its id (`name`). */
  async create(body: JsonObject): Promise<string> {
    const { text } = await this.call('POST', this.url('apis', true), 'Creating the connector', body);
    const name = parse(text)?.name;
    if (typeof name !== 'string' || name === '')
      throw new FlowportError(
        'UPSTREAM_INVALID_RESPONSE',
        'Creating the connector gave no connector id (`name`).',
      );
    return name;
  }

  /** The connector as the service keeps it: `{ name, properties }`. */
  async get(connectorId: string): Promise<JsonObject> {
    const { text } = await this.call(
      'GET',
      this.url(`apis/${encodeURIComponent(connectorId)}`, true),
      `Reading connector ${connectorId}`,
    );
    const value = parse(text);
    if (!value || typeof value.properties !== 'object' || value.properties === null)
      throw new FlowportError(
        'UPSTREAM_INVALID_RESPONSE',
        `Reading connector ${connectorId} gave no \`properties\`.`,
      );
    return value as JsonObject;
  }

  /** The environments the user can see (`{ name, properties: { displayName, … } }`). */
  async environments(): Promise<readonly JsonObject[]> {
    const { text } = await this.call('GET', this.url('environments', false), 'Listing environments');
    return listOf(text);
  }

  /** The connectors of the environment (custom and managed: `properties.isCustomApi` tells). */
  async connectors(): Promise<readonly JsonObject[]> {
    const { text } = await this.call(
      'GET',
      this.url('apis', true),
      `Listing the connectors of ${this.options.environment}`,
    );
    return listOf(text);
  }

  /** A file the service links to (a swagger or icon blob, its SAS in the URL): its bytes. */
  async file(url: string, what: string): Promise<Uint8Array> {
    let response: Response;
    try {
      response = await this.fetch(url);
    } catch (cause) {
      throw new FlowportError(
        'UPSTREAM_UNREACHABLE',
        `Downloading ${what}: ${new URL(url).origin} does not answer.`,
        { cause },
      );
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    // The URL holds a SAS: the message names the host only.
    if (!response.ok)
      throw new FlowportError(
        'API_PROBLEM',
        `Downloading ${what} from ${new URL(url).origin} failed: HTTP ${response.status}.`,
      );
    return bytes;
  }

  async update(connectorId: string, body: JsonObject): Promise<void> {
    await this.call(
      'PATCH',
      this.url(`apis/${encodeURIComponent(connectorId)}`, true),
      `Updating connector ${connectorId}`,
      body,
    );
  }
}

function listOf(text: string): JsonObject[] {
  const value = parse(text)?.value;
  return Array.isArray(value)
    ? value.filter((v): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v))
    : [];
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The resource provider's `{ error: { code, message } }`, shortened. */
function problemOf(text: string): string {
  const error = parse(text)?.error as { code?: unknown; message?: unknown } | undefined;
  const code = typeof error?.code === 'string' ? error.code : undefined;
  const message = typeof error?.message === 'string' ? error.message : text.trim();
  const trimmed = message.replace(/\.$/, '');
  const short = trimmed.length > 600 ? `${trimmed.slice(0, 600)}…` : trimmed;
  return `${code ? ` ${code}` : ''}${short ? `: ${short}` : ''}`;
}
