// `npm start` opens the preview in a browser, as dev servers do: `BROWSER` names the program
// (`none` opens nothing), otherwise the platform's opener. Best effort: no browser, no error.
import { spawn } from 'node:child_process';

export function browserCommand(
  url: string,
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
): [string, string[]] | null {
  const chosen = env.BROWSER?.trim();
  if (chosen === 'none' || env.CI) return null;
  if (chosen) return [chosen, [url]];
  if (platform === 'darwin') return ['open', [url]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '', url]];
  return ['xdg-open', [url]];
}

export function openBrowser(url: string, env: Record<string, string | undefined>): void {
  const command = browserCommand(url, env);
  if (!command) return;
  try {
    const child = spawn(command[0], command[1], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener on this machine: the URL is printed anyway.
  }
}
