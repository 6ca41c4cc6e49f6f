import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { Pagination, pageWindow } from "./Pagination";

describe("pageWindow", () => {
  it("keeps first, last and two pages either side", () => {
    expect(pageWindow(6, 20)).toEqual([1, "gap", 4, 5, 6, 7, 8, "gap", 20]);
  });

  it("does not add gaps near the edges", () => {
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("Pagination", () => {
  it("renders nothing for a single page", () => {
    const { container } = render(<Pagination page={1} pageCount={1} onChange={vi.fn()} />);
    expect(container.firstChild).toBeNull();
  });

  it("marks the current page and reports clicks", () => {
    const onChange = vi.fn();
    render(<Pagination page={3} pageCount={10} onChange={onChange} />);
    expect(screen.getByRole("button", { name: "3" }).getAttribute("aria-current")).toBe("page");
    fireEvent.click(screen.getByText("Next"));
    expect(onChange).toHaveBeenCalledWith(4);
  });
});
