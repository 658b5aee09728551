/** The optional online basemap URL: a per-browser setting in local storage, never in share links. */
import { useState } from 'react';

const KEY = 'hotspot-atlas:basemap-style-url';

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function useBasemapUrl(): [string | null, (url: string | null) => void] {
  const [url, setUrl] = useState<string | null>(read);
  return [url, (next) => {
    try {
      if (next) localStorage.setItem(KEY, next);
      else localStorage.removeItem(KEY);
    } catch {
      // Storage unavailable: the setting lasts for this visit only.
    }
    setUrl(next);
  }];
}
