import { useEffect, useState } from "react";
import { BffError, fetchProduct, type ProductDetail } from "../api/bff";

type State =
  | { status: "loading" }
  | { status: "ready"; product: ProductDetail }
  | { status: "not-found" }
  | { status: "error" };

export function useProduct(handle: string | undefined) {
  const [state, setState] = useState<State>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!handle) return;
    const controller = new AbortController();
    setState({ status: "loading" });
    fetchProduct(handle, controller.signal)
      .then((product) => setState({ status: "ready", product }))
      .catch((err: unknown) => {
        if ((err as Error).name === "AbortError") return;
        setState(err instanceof BffError && err.status === 404 ? { status: "not-found" } : { status: "error" });
      });
    return () => controller.abort();
  }, [handle, attempt]);

  return { ...state, reload: () => setAttempt((n) => n + 1) } as State & { reload: () => void };
}
