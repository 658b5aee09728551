/** Hover card following the pointer: name, code, value and national rank. */
export interface TooltipModel {
  x: number;
  y: number;
  name: string;
  code: string;
  lines: { label: string; value: string }[];
  /** Size of the map: near its right or bottom edge the card opens to the other side of the pointer, so it is never cut off. */
  within?: { width: number; height: number };
}

/** Room the card needs (its max-width is 22rem) before it flips to the other side of the pointer. */
const ROOM_X = 360;
const ROOM_Y = 220;

export function Tooltip({ model }: { model: TooltipModel | null }) {
  if (!model) return null;
  return (
    <div className="tooltip" role="tooltip" data-testid="tooltip"
      style={{
        ...(model.within && model.x + ROOM_X > model.within.width ? { right: model.within.width - model.x + 14 } : { left: model.x + 14 }),
        ...(model.within && model.y + ROOM_Y > model.within.height && model.y > ROOM_Y ? { bottom: model.within.height - model.y + 14 } : { top: model.y + 14 }),
      }}>
      <div className="tooltip-name">{model.name}</div>
      <div className="tooltip-code">{model.code}</div>
      <dl>
        {model.lines.map((l) => (
          <div key={l.label}>
            <dt>{l.label}</dt>
            <dd>{l.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
