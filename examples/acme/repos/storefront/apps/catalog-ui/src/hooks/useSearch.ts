import { useCallback, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { fetchSearch, type SearchResult } from "../api/bff";
import { readSearchState, type SearchState, writeSearchState } from "../search/url-state";

type Status = "loading" | "ready" | "error";

export function useSearch(fixed: Partial<SearchState> = {}) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => ({ ...readSearchState(params), ...fixed }), [params, fixed]);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [status, setStatus] = useState<Status>("loading");
  const [attempt, setAttempt] = useState(0);

  const queryString = writeSearchState(state).toString();

  useEffect(() => {
    const controller = new AbortController();
    setStatus("loading");
    fetchSearch(queryString, controller.signal)
      .then((data) => {
        setResult(data);
        setStatus("ready");
      })
      .catch((err: unknown) => {
        if ((err as Error).name === "AbortError") return;
        setStatus("error");
      });
    return () => controller.abort();
  }, [queryString, attempt]);

  const update = useCallback(
    (next: SearchState) => {
      const { category: _category, ...rest } = next;
      setParams(writeSearchState(fixed.category ? { ...rest, category: undefined } : next), { replace: false });
      window.scrollTo({ top: 0 });
    },
    [fixed.category, setParams],
  );

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return { state, result, status, update, reload };
}
