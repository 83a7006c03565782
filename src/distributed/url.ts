import { ConfigError } from '../errors.js';

/** A Redis URL as it may be shown: without its password. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** Checks a --queue value before anything connects: redis://host:port[/db] or rediss://…. */
export function checkRedisUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`--queue ${url}: not a URL; expected redis://host:port[/db]`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new ConfigError(`--queue ${shownUrl(url)}: expected a redis:// or rediss:// URL`);
  if (parsed.pathname.length > 1 && !/^\/\d+$/.test(parsed.pathname)) throw new ConfigError(`--queue ${shownUrl(url)}: the path must be a database number (redis://host:port/0)`);
}
