import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Facet } from "../api/bff";
import { FacetPanel } from "./FacetPanel";

const colour: Facet = {
  name: "color",
  label: "Colour",
  kind: "terms",
  values: ["grey", "white", "blue", "green", "black", "brown", "red", "yellow"].map((value, i) => ({
    value,
    label: value,
    count: 10 - i,
    selected: value === "grey",
  })),
};

describe("FacetPanel", () => {
  it("shows the first six values and a show-more button", () => {
    render(<FacetPanel facets={[colour]} onToggle={vi.fn()} onClear={vi.fn()} activeCount={1} />);
    expect(screen.getAllByRole("checkbox")).toHaveLength(6);
    fireEvent.click(screen.getByText("Show 2 more"));
    expect(screen.getAllByRole("checkbox")).toHaveLength(8);
  });

  it("reports toggles with facet name and value", () => {
    const onToggle = vi.fn();
    render(<FacetPanel facets={[colour]} onToggle={onToggle} onClear={vi.fn()} activeCount={1} />);
    fireEvent.click(screen.getByLabelText(/white/));
    expect(onToggle).toHaveBeenCalledWith("color", "white");
  });

  it("offers to clear active filters", () => {
    const onClear = vi.fn();
    render(<FacetPanel facets={[colour]} onToggle={vi.fn()} onClear={onClear} activeCount={2} />);
    fireEvent.click(screen.getByText("Clear all (2)"));
    expect(onClear).toHaveBeenCalled();
  });
});
