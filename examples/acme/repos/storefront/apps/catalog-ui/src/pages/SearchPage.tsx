import { EmptyState } from "../components/EmptyState";
import { ErrorState } from "../components/ErrorState";
import { FacetPanel } from "../components/FacetPanel";
import { Pagination } from "../components/Pagination";
import { PriceRangeFilter } from "../components/PriceRangeFilter";
import { ProductGrid } from "../components/ProductGrid";
import { SearchBox } from "../components/SearchBox";
import { SortSelect } from "../components/SortSelect";
import { useAvailability } from "../hooks/useAvailability";
import { useSearch } from "../hooks/useSearch";
import { activeFilterCount, clearFilters, type SearchState, toggleFilter } from "../search/url-state";

interface SearchPageProps {
  fixed?: Partial<SearchState>;
  heading?: string;
}

export function SearchPage({ fixed, heading }: SearchPageProps) {
  const { state, result, status, update, reload } = useSearch(fixed);
  const availability = useAvailability(result?.products.map((p) => p.defaultSku).filter(Boolean) ?? []);

  if (status === "error" && !result) {
    return <ErrorState message="Search is not available right now." onRetry={reload} />;
  }

  const activeCount = activeFilterCount(state);
  const title = heading ?? (state.q ? `Results for “${state.q}”` : "All products");

  return (
    <div className="layout">
      <div>
        <FacetPanel
          facets={result?.facets ?? []}
          activeCount={activeCount}
          onToggle={(facet, value) => update(toggleFilter(state, facet, value))}
          onClear={() => update(clearFilters(state))}
        />
        <PriceRangeFilter
          min={state.priceMin}
          max={state.priceMax}
          currencySymbol="€"
          onApply={(priceMin, priceMax) => update({ ...state, priceMin, priceMax, page: 1 })}
        />
      </div>
      <main>
        {!fixed?.category && <SearchBox value={state.q} onSearch={(q) => update({ ...state, q, page: 1 })} />}
        <div className="results-header">
          <h1>{title}</h1>
          {result && <span className="muted">{result.total} products</span>}
          <SortSelect value={state.sort} onChange={(sort) => update({ ...state, sort, page: 1 })} />
        </div>
        {result && result.total === 0 ? (
          <EmptyState
            title="No products found"
            message={activeCount > 0 ? "Try removing some filters." : "Check the spelling or try a more general word."}
            action={activeCount > 0 ? { label: "Clear filters", onClick: () => update(clearFilters(state)) } : undefined}
          />
        ) : (
          <ProductGrid products={result?.products ?? []} availability={availability} loading={status === "loading"} />
        )}
        {result && <Pagination page={result.page} pageCount={result.pageCount} onChange={(page) => update({ ...state, page })} />}
      </main>
    </div>
  );
}
