/**
 * MapLibre for the camera (and an optional online basemap), deck.gl interleaved on top for every
 * data layer. Interleaving puts everything in MapLibre's one canvas, which makes PNG export simple.
 */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { LayersList, PickingInfo } from '@deck.gl/core';
import { AttributionControl, Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import type { Viewport } from '../state/view-state';
import { DATA_ATTRIBUTION, OFFLINE_STYLE } from './offline-style';

setWorkerUrl(workerUrl);

export interface FlyTarget {
  key: number;
  bbox?: [number, number, number, number];
  viewport?: Viewport;
}

export interface AtlasMapProps {
  layers: LayersList;
  initialViewport: Viewport;
  flyTarget: FlyTarget | null;
  styleUrl: string | null;
  label: string;
  onViewportChange(v: Viewport): void;
  onHover(info: PickingInfo | null): void;
  onClick(info: PickingInfo, event: { shiftKey: boolean }): void;
  onRendered(): void;
  onError(message: string): void;
  onMapReady?(map: MlMap): void;
}

export function AtlasMap(props: AtlasMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MlMap | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;

  useEffect(() => {
    const v = props.initialViewport;
    const map = new MlMap({
      container: container.current!,
      style: props.styleUrl ?? OFFLINE_STYLE,
      center: [v.longitude, v.latitude],
      zoom: v.zoom,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      dragRotate: false,
      pitchWithRotate: false,
      maxPitch: 0,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    map.addControl(new AttributionControl({ compact: false, customAttribution: DATA_ATTRIBUTION }), 'bottom-right');
    const overlay = new MapLibreOverlay({
      interleaved: true,
      layers: propsRef.current.layers,
      onHover: (info) => propsRef.current.onHover(info.index >= 0 ? info : null),
      onClick: (info, ev) => {
        propsRef.current.onClick(info, { shiftKey: Boolean((ev?.srcEvent as MouseEvent | undefined)?.shiftKey) });
      },
      onAfterRender: () => propsRef.current.onRendered(),
      getCursor: ({ isHovering, isDragging }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
    });
    map.addControl(overlay);
    map.on('moveend', () => {
      const c = map.getCenter();
      propsRef.current.onViewportChange({ longitude: round(c.lng, 5), latitude: round(c.lat, 5), zoom: round(map.getZoom(), 2) });
    });
    map.on('error', (e) => propsRef.current.onError(e.error?.message ?? 'map error'));
    mapRef.current = map;
    overlayRef.current = overlay;
    propsRef.current.onMapReady?.(map);
    return () => {
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
    // The map is created once; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    overlayRef.current?.setProps({ layers: props.layers });
  }, [props.layers]);

  useEffect(() => {
    mapRef.current?.setStyle(props.styleUrl ?? OFFLINE_STYLE);
  }, [props.styleUrl]);

  useEffect(() => {
    const map = mapRef.current;
    const t = props.flyTarget;
    if (!map || !t) return;
    if (t.bbox) map.fitBounds([[t.bbox[0], t.bbox[1]], [t.bbox[2], t.bbox[3]]], { padding: 40, maxZoom: 14, duration: 900 });
    else if (t.viewport) map.jumpTo({ center: [t.viewport.longitude, t.viewport.latitude], zoom: t.viewport.zoom });
  }, [props.flyTarget]);

  return <div ref={container} className="atlas-map" role="region" aria-label={props.label} />;
}

const round = (x: number, dp: number) => Math.round(x * 10 ** dp) / 10 ** dp;
