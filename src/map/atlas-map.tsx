/**
 * MapLibre for the camera (and an optional online basemap), deck.gl interleaved on top for every
 * data layer. Interleaving puts everything in MapLibre's one canvas, which makes PNG export simple.
 */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { LayersList } from '@deck.gl/core';
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

/** A pointer position on the map: geographic and screen (relative to the map element). */
export interface MapPointer {
  lon: number;
  lat: number;
  x: number;
  y: number;
  shiftKey: boolean;
}

/** What the camera shows after a move: its bounds, and a projector for placing labels. */
export interface MapView {
  bounds: [number, number, number, number];
  width: number;
  height: number;
  project(lon: number, lat: number): [number, number];
}

export interface AtlasMapProps {
  layers: LayersList;
  initialViewport: Viewport;
  flyTarget: FlyTarget | null;
  styleUrl: string | null;
  label: string;
  onViewportChange(v: Viewport, view: MapView): void;
  onHover(p: MapPointer | null): void;
  onClick(p: MapPointer): void;
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
      onAfterRender: () => propsRef.current.onRendered(),
    });
    map.addControl(overlay);
    const pointer = (e: { lngLat: { lng: number; lat: number }; point: { x: number; y: number }; originalEvent: MouseEvent }): MapPointer => ({
      lon: e.lngLat.lng, lat: e.lngLat.lat, x: e.point.x, y: e.point.y, shiftKey: e.originalEvent.shiftKey,
    });
    // Hover and click find the area on the CPU (see geo/area-index), not through deck's GPU picking.
    map.on('mousemove', (e) => propsRef.current.onHover(pointer(e)));
    map.on('mouseout', () => propsRef.current.onHover(null));
    map.on('click', (e) => propsRef.current.onClick(pointer(e)));
    const reportView = () => {
      const c = map.getCenter();
      const b = map.getBounds();
      const canvas = map.getCanvas();
      propsRef.current.onViewportChange(
        { longitude: round(c.lng, 5), latitude: round(c.lat, 5), zoom: round(map.getZoom(), 2) },
        {
          bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
          width: canvas.clientWidth,
          height: canvas.clientHeight,
          project: (lon, lat) => {
            const p = map.project([lon, lat]);
            return [p.x, p.y];
          },
        },
      );
    };
    map.on('moveend', reportView);
    // The layout can size the map after it loads (panels, drawer): labels are placed for the new size.
    map.on('resize', reportView);
    map.once('load', reportView);
    map.on('error', (e) => propsRef.current.onError(e.error?.message ?? 'map error'));
    mapRef.current = map;
    overlayRef.current = overlay;
    propsRef.current.onMapReady?.(map);
    return () => {
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the map is created once; later prop changes are applied by the effects below
  }, []);

  useEffect(() => {
    overlayRef.current?.setProps({ layers: props.layers });
  }, [props.layers]);

  const appliedStyle = useRef(props.styleUrl);
  useEffect(() => {
    if (appliedStyle.current === props.styleUrl) return;
    appliedStyle.current = props.styleUrl;
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
