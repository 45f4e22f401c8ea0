import { spawn } from 'node:child_process';

/** Opens a URL in the desktop's browser when there is one; silent when there is none (the URL is printed anyway). */
export function openBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No browser here.
  }
}
