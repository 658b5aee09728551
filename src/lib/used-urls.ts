/**
 * Files the page fetched itself or through its workers. The service worker is told about them,
 * since it cannot see what was fetched before it controlled the page, or by a worker it does not
 * control; it keeps them so the next visit opens offline.
 */
const used = new Set<string>();

export function noteUsed(url: string | URL): void {
  used.add(new URL(url, location.href).href);
}

export function usedUrls(): string[] {
  return [...used];
}
