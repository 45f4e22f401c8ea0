/**
 * The small HTML pages the callback shows when there is nowhere to return to. They carry only text
 * flowport wrote (no code, token, state or provider description) and are escaped anyway.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function page(title: string, message: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · flowport</title>
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;line-height:1.5}h1{font-size:1.4rem}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body>
</html>
`;
}

/** The page after a successful sign-in. */
export function connectedPage(connectionName: string): string {
  return page('Connected', `The connection “${connectionName}” is signed in. You can close this window.`);
}

/** The page after a failed sign-in; `reason` is flowport's own sentence. */
export function failedPage(reason: string): string {
  return page('Sign-in failed', reason);
}
