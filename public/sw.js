/*
 * Hotspot Atlas service worker: a revisit, or a flaky or missing network, still opens the atlas.
 *
 * - The app registers it as `sw.js?build=<id>` (the id is the entry script's content-hashed name),
 *   so every deploy is a new worker with its own shell cache, `hotspot-atlas-shell-<id>`.
 * - Files with a content hash in their name (assets/*, data/*.<hash>.*): cache first, stored on
 *   first use. Data files live in one cache shared by builds (their names change when they change).
 * - Everything else (index.html, data/manifest.json, the readable CSVs, icons): network first, so an
 *   online visit always gets the current deploy; the stored copy only when the network fails or
 *   hangs (4 s).
 * - Installing precaches the shell (index.html and the scripts and styles it names). A new worker
 *   waits until the page says it may take over (see src/app/service-worker.ts), then deletes the
 *   older builds' shell caches, so a page of the old build never loses files it still needs before
 *   the user reloads.
 * Nothing here ever leaves the site's own origin.
 */
/* eslint-env serviceworker */
const BUILD = new URL(self.location.href).searchParams.get('build') || 'unversioned';
const SHELL = `hotspot-atlas-shell-${BUILD}`;
const DATA = 'hotspot-atlas-data';
const SCOPE = self.registration.scope;
const NETWORK_WAIT_MS = 4000;

/** The site-relative path of a URL in scope ("" for the app's own folder), or null. */
function pathInScope(url) {
  return url.startsWith(SCOPE) ? url.slice(SCOPE.length).split(/[?#]/)[0] : null;
}

const isData = (path) => path.startsWith('data/');
/** Files whose name carries a content hash: Vite's assets, and the data files the pipeline names so. */
const HASHED = /^(assets\/.+|data\/.+\.[0-9a-f]{8}\.[a-z.]+)$/;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    const res = await fetch(new Request(SCOPE, { cache: 'no-cache' }));
    if (!res.ok) throw new Error(`index.html: HTTP ${res.status}`);
    const html = await res.clone().text();
    const named = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1], SCOPE).href).filter((u) => pathInScope(u) !== null);
    await cache.put(SCOPE, res);
    await cache.addAll([...new Set(named)]);
  })());
});

/** True while this worker is the one in charge (an older build's worker may still finish a task). */
const current = () => self.registration.active?.scriptURL === self.location.href;

/**
 * Deletes older builds' shell caches (also again later, after any late write an outdated worker made).
 * Never while a newer worker is installing or waiting: its fresh shell cache is not an old one.
 */
async function dropOldShells(activating = false) {
  if (!activating && (!current() || self.registration.installing || self.registration.waiting)) return;
  for (const key of await caches.keys()) if (key.startsWith('hotspot-atlas-shell-') && key !== SHELL) await caches.delete(key);
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    await dropOldShells(true);
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const m = event.data || {};
  if (m.type === 'skip-waiting') self.skipWaiting();
  if (m.type === 'cache') event.waitUntil(remember(m.urls || [], m.keepData || null));
});

/**
 * The cache to store into, or null when this worker's shell cache is gone (a newer build took over
 * and deleted it): an outdated worker must not bring it back.
 */
async function storeFor(name) {
  if (name === SHELL && (!current() || !(await caches.has(SHELL)))) return null;
  return caches.open(name);
}

/** Stores files the page used before this worker controlled it; drops data files no longer listed. */
async function remember(urls, keepData) {
  for (const u of urls) {
    const path = pathInScope(u);
    if (path === null || path === 'sw.js') continue;
    const cache = await storeFor(isData(path) ? DATA : SHELL);
    if (!cache) return;
    const hashed = HASHED.test(path);
    const key = hashed ? u : u.split(/[?#]/)[0];
    if (hashed && (await cache.match(key))) continue;
    try {
      const res = await fetch(new Request(key, { cache: hashed ? 'default' : 'no-cache' }));
      if (res.ok && res.status === 200) await cache.put(key, res);
    } catch {
      // offline now: it will be stored the next time it is fetched
    }
  }
  await dropOldShells();
  if (keepData) {
    const data = await caches.open(DATA);
    const keep = new Set(keepData.map((u) => new URL(u, SCOPE).href));
    for (const req of await data.keys()) if (!keep.has(req.url) && !req.url.endsWith('/manifest.json')) await data.delete(req);
  }
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || req.headers.has('range')) return;
  const path = pathInScope(req.url);
  if (path === null || path === 'sw.js') return;
  if (req.mode === 'navigate' || path === '' || path === 'index.html') event.respondWith(networkFirst(SCOPE, SHELL));
  else if (HASHED.test(path)) event.respondWith(cacheFirst(req, isData(path) ? DATA : SHELL));
  // manifest.json, the readable CSVs, icons: always asked of the server while it answers.
  else event.respondWith(networkFirst(req.url.split(/[?#]/)[0], isData(path) ? DATA : SHELL));
});

/**
 * The network's answer when it comes in time; else (or on failure) the stored copy. When the stored
 * index.html was served because the network was slow and the network then brings a different one,
 * open pages are told a new version is available.
 */
async function networkFirst(key, cacheName) {
  const stored = caches.match(key, { cacheName });
  let servedStored = false;
  const network = fetch(new Request(key, { cache: 'no-cache' })).then(async (res) => {
    const cache = res.ok ? await storeFor(cacheName) : null;
    if (cache) {
      const old = servedStored && key === SCOPE ? await stored : undefined;
      await cache.put(key, res.clone());
      if (old && (await old.text()) !== (await res.clone().text())) {
        for (const c of await self.clients.matchAll({ type: 'window' })) c.postMessage({ type: 'new-version' });
      }
    }
    return res;
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, null));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
    const copy = await stored;
    if (copy) {
      servedStored = true;
      return copy.clone();
    }
    return await network;
  } catch {
    const copy = await stored;
    if (copy) return copy;
    throw new Error(`offline and ${key} is not stored`);
  }
}

async function cacheFirst(req, cacheName) {
  // Any build's shell cache will do: a hashed name is the same file in every build.
  const hit = (await caches.match(req, { cacheName })) || (await caches.match(req));
  if (hit) return hit;
  const res = await fetch(req);
  const cache = res.ok && res.status === 200 && res.type === 'basic' ? await storeFor(cacheName) : null;
  if (cache) await cache.put(req, res.clone());
  return res;
}
