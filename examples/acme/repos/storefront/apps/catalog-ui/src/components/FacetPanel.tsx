import { useState } from "react";
import type { Facet } from "../api/bff";

interface FacetPanelProps {
  facets: Facet[];
  onToggle: (facet: string, value: string) => void;
  onClear: () => void;
  activeCount: number;
}

const COLLAPSED_VALUES = 6;

function FacetGroup({ facet, onToggle }: { facet: Facet; onToggle: FacetPanelProps["onToggle"] }) {
  const [expanded, setExpanded] = useState(false);
  const visible = expanded ? facet.values : facet.values.slice(0, COLLAPSED_VALUES);
  const hidden = facet.values.length - visible.length;

  return (
    <fieldset className="facet-group">
      <legend>{facet.label}</legend>
      {visible.map((value) => (
        <label key={value.value} className={facet.name === "color" ? `facet-value swatch swatch--${value.value}` : "facet-value"}>
          <input type="checkbox" checked={value.selected} onChange={() => onToggle(facet.name, value.value)} />
          {value.label}
          <span className="facet-value__count">{value.count}</span>
        </label>
      ))}
      {hidden > 0 && (
        <button type="button" className="link-button" onClick={() => setExpanded(true)}>
          Show {hidden} more
        </button>
      )}
    </fieldset>
  );
}

export function FacetPanel({ facets, onToggle, onClear, activeCount }: FacetPanelProps) {
  return (
    <aside className="facet-panel" aria-label="Filters">
      <div className="facet-panel__header">
        <h2>Filter</h2>
        {activeCount > 0 && (
          <button type="button" className="link-button" onClick={onClear}>
            Clear all ({activeCount})
          </button>
        )}
      </div>
      {facets
        .filter((facet) => facet.kind === "terms")
        .map((facet) => (
          <FacetGroup key={facet.name} facet={facet} onToggle={onToggle} />
        ))}
    </aside>
  );
}
