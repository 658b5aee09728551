/** Hover card following the pointer: name, code, value and national rank. */
export interface TooltipModel {
  x: number;
  y: number;
  name: string;
  code: string;
  lines: { label: string; value: string }[];
}

export function Tooltip({ model }: { model: TooltipModel | null }) {
  if (!model) return null;
  return (
    <div className="tooltip" style={{ left: model.x + 14, top: model.y + 14 }} role="tooltip" data-testid="tooltip">
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
