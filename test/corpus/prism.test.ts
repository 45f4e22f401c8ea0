import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConnectorSync } from '../../src/connector/load.ts';
import type { Operation } from '../../src/connector/model.ts';
import type { WireRequest } from '../../src/runtime/types.ts';
import { patchableCause, type SweepOptions, type SweepRow, summarise, sweepSource } from './prism.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const root = resolve(repo, process.env.FLOWPORT_CORPUS ?? '../shared/corpus');

/**
 * A fixed sample, chosen for what it exercises (not for how it scores): every parameter location,
 * each authentication kind, and the policies that move or reshape requests.
 */
const SAMPLE = [
  // API key in a header; formData, header and query parameters.
  'certified-connectors/sms77io',
  // API key; formData and path parameters; `routerequesttoendpoint`.
  'certified-connectors/VirusTotal',
  // Basic authentication; formData and path parameters.
  'certified-connectors/ZanranScaffolder',
  // OAuth 2 (AAD); formData and query parameters.
  'certified-connectors/Dynamics 365 Translation Service',
  // No swagger security; `setproperty`, `moveproperties`, `routerequesttoendpoint`, `updatenextlink`.
  'certified-connectors/AzureAD',
  // API key and `setheader`; body, header, path and query parameters.
  'certified-connectors/Aranda Service Management',
  // OAuth 2; body, path and query parameters.
  'certified-connectors/Cognito Forms',
  // API key; body, formData and path parameters.
  'independent-publisher-connectors/OpenQR',
  // API key in a header; every operation routed by `routerequesttoendpoint` with connection values.
  'independent-publisher-connectors/Pixela',
  // Basic authentication and `setheader`; body, header, path and query parameters.
  'custom-connectors/SAP-ODATA-Demo',
  // OAuth 2 and `dynamichosturl`; body, path and query parameters.
  'custom-connectors/AzureKeyVault',
  // Basic authentication and `setqueryparameter`; body and path parameters.
  'custom-connectors/Infobip',
];

/** Sweeps connectors two at a time (two Prism processes at most). */
async function sweep(names: readonly string[], options: SweepOptions = {}): Promise<SweepRow[]> {
  const rows: SweepRow[] = [];
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++]!;
      rows.push(...(await sweepSource(loadConnectorSync(join(root, name)), name, options)));
    }
  };
  await Promise.all([worker(), worker()]);
  return rows;
}

const present = SAMPLE.filter((name) => existsSync(join(root, name)));
if (present.length === 0) {
  console.warn(`Prism sample skipped: corpus not found at ${root} (set FLOWPORT_CORPUS).`);
  it.skip(`Prism sample: corpus not found at ${root}`, () => {});
}

describe.skipIf(present.length === 0)('Prism judges the requests flowport builds (CI sample)', () => {
  it('accepts at least 98% of the attempted operations of the sample', { timeout: 240_000 }, async () => {
    const rows = await sweep(present);
    const summary = summarise(rows);
    console.log(`Prism sample of ${present.length} connectors:\n${summary.table}`);
    expect(new Set(rows.map((r) => r.connector)).size).toBe(present.length);
    expect(summary.attempted).toBeGreaterThanOrEqual(Math.min(100, rows.length));
    expect(summary.shareJudged).toBeGreaterThanOrEqual(0.98);
    expect(summary.shareVerified).toBeGreaterThanOrEqual(0.98);
    // An excuse that a patched swagger removes must leave a request Prism accepts.
    for (const row of rows.filter((r) => r.verdict === 'excused' && patchableCause(r.cause)))
      expect(row, `${row.connector} ${row.operationId}`).toMatchObject({ rest: 'accepted' });
  });

  it('rejects requests that lose their required query parameters (negative control)', {
    timeout: 120_000,
  }, async () => {
    const name = 'certified-connectors/sms77io';
    if (!present.includes(name)) return;
    const connector = loadConnectorSync(join(root, name));
    const needsQuery = new Set(
      connector.operations
        .filter((o) => o.parameters.some((p) => p.in === 'query' && p.required))
        .map((o) => o.id),
    );
    const dropQuery = (wire: WireRequest): WireRequest => {
      const url = new URL(wire.url);
      url.search = '';
      return { ...wire, url: url.toString() };
    };
    const rows = await sweepSource(connector, name, { mutate: dropQuery });
    const judged = rows.filter((r) => needsQuery.has(r.operationId) && r.verdict !== 'skipped');
    expect(judged.length).toBeGreaterThan(0);
    for (const row of judged) expect(row, row.operationId).toMatchObject({ verdict: 'rejected' });
  });

  it('re-judges an excused request on the patched swagger and rejects a broken body there (negative control)', {
    timeout: 120_000,
  }, async () => {
    // SendInvitation has no `consumes`, so Prism refuses its body whatever it holds (excused); the
    // re-judging against a copy with `consumes` must still see that an emptied body lacks its fields.
    const name = 'certified-connectors/1Me Corporate';
    if (!existsSync(join(root, name))) return;
    const connector = loadConnectorSync(join(root, name));
    const plain = await sweepSource(connector, name);
    const invitation = plain.find((r) => r.operationId === 'SendInvitation');
    expect(invitation).toMatchObject({ verdict: 'excused', cause: 'SWAGGER_NO_CONSUMES', rest: 'accepted' });
    const emptyBody = (wire: WireRequest, operation: Operation): WireRequest =>
      operation.id === 'SendInvitation' ? { ...wire, body: new TextEncoder().encode('{}') } : wire;
    const broken = await sweepSource(connector, name, { mutate: emptyBody });
    expect(broken.find((r) => r.operationId === 'SendInvitation')).toMatchObject({ verdict: 'rejected' });
  });

  it('accepts a request whose responses Prism cannot mock only when Prism validates it (negative control)', {
    timeout: 120_000,
  }, async () => {
    // CreateANewSpecificationVersion declares a boolean answered as text/plain, which Prism cannot
    // mock: it validates the request, then fails. The re-judging replaces the responses only, so a
    // request without its required form fields must still be refused.
    const name = 'certified-connectors/AlisQI';
    if (!existsSync(join(root, name))) return;
    const connector = loadConnectorSync(join(root, name));
    const plain = await sweepSource(connector, name);
    expect(plain.find((r) => r.operationId === 'CreateANewSpecificationVersion')).toMatchObject({
      verdict: 'excused',
      cause: 'PRISM_MOCK_FAILED_AFTER_VALIDATION',
      rest: 'accepted',
    });
    const noFields = (wire: WireRequest, operation: Operation): WireRequest => {
      if (operation.id !== 'CreateANewSpecificationVersion') return wire;
      const headers = new Headers(wire.headers);
      headers.set('content-type', 'multipart/form-data; boundary=x');
      const body = '--x\r\nContent-Disposition: form-data; name="reason"\r\n\r\nnone\r\n--x--\r\n';
      return { ...wire, headers, body: new TextEncoder().encode(body) };
    };
    const broken = await sweepSource(connector, name, { mutate: noFields });
    expect(broken.find((r) => r.operationId === 'CreateANewSpecificationVersion')).toMatchObject({
      verdict: 'rejected',
    });
  });

  // One operation per patch kind: Prism refuses it as the swagger stands (excused), accepts it once
  // patched, and must still refuse it on the patched copy when its required query is dropped.
  const PATCHED = [
    [
      'certified-connectors/AvePoint Cloud Governance',
      'Flow_CreateHookForCommon',
      'SECURITY_SCHEME_MISMATCH',
    ],
    ['certified-connectors/Vonage', 'BasicNumberInsight', 'SECURITY_WITHOUT_CONNECTION_PARAMETER'],
    ['certified-connectors/GreenSign', 'GetSigningActions', 'PRISM_UNROUTABLE_PATH_TEMPLATE'],
  ] as const;
  it.each(PATCHED)(
    're-judges %s %s (%s) and refuses it there without its required query (negative control)',
    {
      timeout: 120_000,
    },
    async (name, operationId, cause) => {
      if (!existsSync(join(root, name))) return;
      const connector = loadConnectorSync(join(root, name));
      const plain = await sweepSource(connector, name);
      expect(plain.find((r) => r.operationId === operationId)).toMatchObject({
        verdict: 'excused',
        cause,
        rest: 'accepted',
      });
      const dropQuery = (wire: WireRequest, operation: Operation): WireRequest => {
        if (operation.id !== operationId) return wire;
        const url = new URL(wire.url);
        url.search = url.searchParams.has('__server')
          ? `?__server=${encodeURIComponent(url.searchParams.get('__server')!)}`
          : '';
        return { ...wire, url: url.toString() };
      };
      const broken = await sweepSource(connector, name, { mutate: dropQuery });
      expect(broken.find((r) => r.operationId === operationId)).toMatchObject({ verdict: 'rejected' });
    },
  );

  it('rejects requests sent to another host (negative control of `__server`)', {
    timeout: 120_000,
  }, async () => {
    const name = 'independent-publisher-connectors/OpenQR';
    if (!present.includes(name)) return;
    const otherHost = (wire: WireRequest): WireRequest => {
      const url = new URL(wire.url);
      url.hostname = `not-${url.hostname}`;
      return { ...wire, url: url.toString() };
    };
    const rows = await sweepSource(loadConnectorSync(join(root, name)), name, { mutate: otherHost });
    const judged = rows.filter((r) => r.verdict !== 'skipped');
    expect(judged.length).toBeGreaterThan(0);
    for (const row of judged)
      expect(row, row.operationId).toMatchObject({ verdict: 'rejected', status: 404 });
  });
});
