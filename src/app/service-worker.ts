/**
 * The service worker's page side (the worker is public/sw.js): registers it once the first map is
 * drawn, tells it which files this page already used, and handles new deploys. A deploy is a new
 * worker (`sw.js?build=<entry script name>`); it takes over when the page that registered it is
 * itself that build, and any page still running an older build is told a new version is available
 * and can reload into it. Built with VITE_SERVICE_WORKER=off, the app registers none and removes one
 * an earlier deploy installed.
 */
import { noteUsed, usedUrls } from '../lib/used-urls';

const listeners = new Set<() => void>();
let updateAvailable = false;

/** Calls `l` once a newer version of the atlas is ready (at once if it already is). */
export function onUpdateAvailable(l: () => void): () => void {
  listeners.add(l);
  if (updateAvailable) l();
  return () => listeners.delete(l);
}

function announce(): void {
  if (updateAvailable) return;
  updateAvailable = true;
  for (const l of listeners) l();
}

const buildOf = (scriptUrl: string) => new URL(scriptUrl).searchParams.get('build');

/** This page's build: its entry script's content-hashed file name. */
function pageBuild(): string | null {
  const s = document.querySelector<HTMLScriptElement>('script[type="module"][src]');
  return s ? (s.src.split('/').pop() ?? '').replace(/\.js$/, '') : null;
}

function sameOriginResources(): string[] {
  return performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.startsWith(location.origin));
}

export async function startServiceWorker(currentDataFiles: string[]): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const scope = new URL('./', document.baseURI).href;
  if (import.meta.env.VITE_SERVICE_WORKER === 'off') {
    for (const r of await navigator.serviceWorker.getRegistrations()) if (r.scope === scope) await r.unregister();
    return;
  }
  const build = pageBuild();
  if (!build) return;
  const script = new URL(`sw.js?build=${encodeURIComponent(build)}`, document.baseURI);
  noteUsed(script);
  const reg = await navigator.serviceWorker.register(script.href, { scope });
  const consider = (w: ServiceWorker | null) => {
    // The very first worker takes over by itself; later ones wait for a page of their build.
    if (!w || !navigator.serviceWorker.controller) return;
    if (buildOf(w.scriptURL) === build) w.postMessage({ type: 'skip-waiting' });
    else announce();
  };
  const track = (w: ServiceWorker | null) => w?.addEventListener('statechange', () => w.state === 'installed' && consider(w));
  // The new worker may already be installing (or done) by the time `register` answers.
  track(reg.installing);
  consider(reg.waiting);
  reg.addEventListener('updatefound', () => track(reg.installing));
  // The worker served a stored page because the network was slow, and the network has a newer one.
  navigator.serviceWorker.addEventListener('message', (e: MessageEvent<{ type?: string }>) => e.data?.type === 'new-version' && announce());
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    const c = navigator.serviceWorker.controller;
    if (c && buildOf(c.scriptURL) !== build) announce();
  });

  const ready = await navigator.serviceWorker.ready;
  const send = () => ready.active?.postMessage({ type: 'cache', urls: [...new Set([...sameOriginResources(), ...usedUrls()])], keepData: currentDataFiles });
  send();
  // Files loaded later (the database, tables) are kept too.
  let timer: ReturnType<typeof setTimeout> | undefined;
  new PerformanceObserver((list) => {
    if (!list.getEntries().some((e) => e.name === 'atlas:db-ready' || e.name.startsWith('atlas:table:'))) return;
    clearTimeout(timer);
    timer = setTimeout(send, 2000);
  }).observe({ type: 'mark' });
}

/** Reloads into the new version (letting a waiting worker take over first). */
export async function applyUpdate(): Promise<void> {
  const reg = await navigator.serviceWorker?.getRegistration();
  if (reg?.waiting) {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    reg.waiting.postMessage({ type: 'skip-waiting' });
  } else location.reload();
}
