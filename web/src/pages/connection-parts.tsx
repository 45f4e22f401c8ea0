/** What creating and editing connections share: OAuth sign-in and connection parameter inputs. */
import { api } from '../api/client.ts';
import type { Connection, ConnectionParameter } from '../api/types.ts';

export const isOAuth = (p: ConnectionParameter) => p.type.toLowerCase() === 'oauthsetting';

/** Where the OAuth callback sends the browser back to: this page, which reads the outcome. */
function returnTo(): string {
  return `${window.location.origin}/console/connections`;
}

/** Starts the OAuth sign-in of a connection and sends the browser to the provider. */
export async function signIn(
  connection: Connection,
  client: { clientId?: string; clientSecret?: string } = {},
) {
  const start = await api.oauthStart(connection.id, { returnTo: returnTo(), ...client });
  // The URL comes from the connector's settings: only a web address is followed.
  const url = new URL(start.authorizationUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`The authorization URL of this connector is not a web address (${url.protocol}).`);
  window.location.assign(url.href);
}

export function ParameterInput({
  p,
  value,
  onChange,
  idPrefix = 'cp',
  placeholder,
}: {
  p: ConnectionParameter;
  value: string;
  onChange: (value: string) => void;
  idPrefix?: string;
  placeholder?: string | undefined;
}) {
  const id = `${idPrefix}-${p.name}`;
  const hint = p.description ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {p.displayName}
        {p.required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {p.allowedValues && p.allowedValues.length > 0 ? (
        <select
          id={id}
          value={value}
          required={p.required}
          aria-describedby={hint}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">Choose…</option>
          {p.allowedValues.map((v) => (
            <option key={v.value} value={v.value}>
              {v.text ?? v.value}
            </option>
          ))}
        </select>
      ) : p.type.toLowerCase() === 'bool' ? (
        <select
          id={id}
          value={value}
          required={p.required}
          aria-describedby={hint}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">(none)</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      ) : (
        <input
          id={id}
          type={p.secret ? 'password' : p.type.toLowerCase() === 'int' ? 'number' : 'text'}
          autoComplete="off"
          value={value}
          placeholder={placeholder}
          required={p.required}
          aria-describedby={hint}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {p.description && (
        <p className="hint" id={hint}>
          {p.description}
        </p>
      )}
    </div>
  );
}
