/**
 * A synthetic recorded session for `bench:convert`: `calls` API calls of a single-page app (40
 * resources, lists with query values and next links, gets by id, creates, updates, deletes; 1–2 KB
 * JSON answers), with a page, scripts and images among them, as a HAR; and the same calls as curl
 * commands. Deterministic: the same arguments give the same text.
 */
export function recordedSession(calls: number): { har: string; curl: string } {
  const resources = (
    'accounts contacts leads deals invoices payments orders products customers suppliers tasks projects ' +
    'notes files folders users teams roles events tickets comments messages channels reports dashboards ' +
    'campaigns segments subscriptions plans coupons refunds shipments warehouses locations assets devices ' +
    'webhooks workflows line-items price-books'
  ).split(' ');
  const entries: unknown[] = [];
  const commands: string[] = [];
  const item = (id: number) => ({
    id,
    name: `Item ${id}`,
    done: id % 2 === 0,
    due: '2026-11-29T10:00:00Z',
    owner: { id: id * 7, email: `user${id}@example.com`, tags: ['a', 'b'] },
    lines: Array.from({ length: 6 }, (_, j) => ({ sku: `SKU-${j}`, qty: j, price: j * 1.5 })),
  });
  for (let n = 0; n < calls; n++) {
    const resource = resources[Math.floor(n / 5) % resources.length];
    const id = 1000 + ((n * 7919) % 50_000);
    const kind = n % 5;
    const method = ['GET', 'GET', 'POST', 'PATCH', 'DELETE'][kind] as string;
    const path = kind === 0 || kind === 2 ? `/api/v3/${resource}` : `/api/v3/${resource}/${id}`;
    const query = kind === 0 ? `?top=${(n % 50) + 1}&filter=open` : '';
    const url = `https://api.example.com${path}${query}`;
    const answer =
      kind === 0
        ? { value: [item(id), item(id + 1)], nextLink: `https://api.example.com${path}?top=2&skip=${n}` }
        : kind === 4
          ? undefined
          : item(id);
    const body = kind === 2 || kind === 3 ? JSON.stringify({ name: `Item ${id}`, done: false }) : undefined;
    entries.push({
      _resourceType: 'fetch',
      request: {
        method,
        url,
        headers: [
          { name: 'Authorization', value: 'Bearer eyJhbGciOi.session.token' },
          { name: 'Accept', value: 'application/json' },
          { name: 'X-Client-Version', value: '4.2.0' },
        ],
        ...(body && { postData: { mimeType: 'application/json', text: body } }),
      },
      response: {
        status: kind === 2 ? 201 : kind === 4 ? 204 : 200,
        headers: [],
        content: { mimeType: 'application/json', ...(answer && { text: JSON.stringify(answer) }) },
      },
    });
    if (n % 10 === 0)
      entries.push({
        _resourceType: 'image',
        request: { method: 'GET', url: `https://app.example.com/img/${n}.png`, headers: [] },
        response: { status: 200, headers: [], content: { mimeType: 'image/png' } },
      });
    commands.push(
      `curl -X ${method} '${url}' \\\n  -H 'Authorization: Bearer eyJhbGciOi.session.token' \\\n  -H 'X-Client-Version: 4.2.0'${body ? ` \\\n  --json '${body}'` : ''}`,
    );
  }
  return { har: JSON.stringify({ log: { version: '1.2', entries } }), curl: commands.join('\n\n') };
}
