/**
 * One HTTP request seen in recorded traffic (a HAR entry) or written as a command (`curl …`), with
 * its answer when the recording has one. `flowport init` makes a connector from a list of them
 * (`recorded.ts`): the paths become templates, the values parameters, the answers schemas.
 */
export interface Exchange {
  /** Where it is in the input, for the loss report: a JSON pointer (`/log/entries/3`) or `/line/12`. */
  readonly pointer: string;
  /** Upper case: `GET`, `POST`… */
  readonly method: string;
  /** Absolute (`https://api.example.com/v1/items?top=5`). */
  readonly url: URL;
  /** Request headers as sent, in order (`Cookie` included; the converter decides what to keep). */
  readonly headers: readonly Header[];
  readonly body?: ExchangeBody;
  readonly response?: ExchangeResponse;
  /** A name the input gives the request (a `# comment` above a cURL command, a page title). */
  readonly name?: string;
}

export interface Header {
  readonly name: string;
  readonly value: string;
}

export interface ExchangeBody {
  /** The media type as sent, parameters included (`application/json; charset=utf-8`); `''` when unknown. */
  readonly mimeType: string;
  /** The body as text; `''` for a multipart form whose fields are listed instead. */
  readonly text: string;
  /** Form fields (`application/x-www-form-urlencoded`, `multipart/form-data`) when the input lists them. */
  readonly fields?: readonly FormField[];
}

export interface FormField {
  readonly name: string;
  readonly value: string;
  /** A file part (`-F name=@file`, a HAR param with `fileName`). */
  readonly file?: boolean;
}

export interface ExchangeResponse {
  readonly status: number;
  readonly headers: readonly Header[];
  /** `''` when unknown. */
  readonly mimeType: string;
  /** The body as text (a HAR's base64 content decoded); undefined when the recording left it out. */
  readonly text?: string;
}

/** Something in the input that could not be read as a request, and why (becomes a loss item). */
export interface SkippedInput {
  readonly pointer: string;
  readonly construct: string;
  readonly action: string;
}

/** Exchanges read from an input, and what of it was skipped. */
export interface Exchanges {
  readonly exchanges: readonly Exchange[];
  readonly skipped: readonly SkippedInput[];
  /** A title the input suggests (a HAR page title); the converter falls back to the API's host. */
  readonly title?: string;
  /** Pages the browser opened (a HAR's navigations): not API calls, but a sign-in page among them tells how users sign in. */
  readonly pages?: readonly { readonly url: URL; readonly pointer: string }[];
}
