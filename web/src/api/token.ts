/**
 * The API token of the signed-in user. Kept in sessionStorage (this tab only, gone when it closes).
 * `npm start` opens the console with `#token=…` in the fragment, which browsers never send to a
 * server; it is moved to sessionStorage and removed from the address bar at once.
 */
const KEY = 'flowport.token';

export function takeTokenFromFragment(): void {
  const hash = window.location.hash;
  if (!hash.startsWith('#')) return;
  const params = new URLSearchParams(hash.slice(1));
  const token = params.get('token');
  if (!token) return;
  setToken(token);
  params.delete('token');
  const rest = params.toString();
  const url = `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`;
  window.history.replaceState(window.history.state, '', url);
}

export function getToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function setToken(token: string): void {
  sessionStorage.setItem(KEY, token.trim());
}

export function clearToken(): void {
  sessionStorage.removeItem(KEY);
}
