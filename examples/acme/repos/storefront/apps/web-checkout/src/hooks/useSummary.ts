import { useCallback, useEffect, useState } from "react";
import type { PriceBreakdown } from "../pricing/pricing";
import type { AppliedPromotion } from "../promotions/promotions";
import type { ShippingMethod } from "../shipping/shipping-options";

interface Summary {
  prices: PriceBreakdown | null;
  promotions: AppliedPromotion[];
}

export function useSummary(shipping?: ShippingMethod, postalCode = "") {
  const [summary, setSummary] = useState<Summary>({ prices: null, promotions: [] });

  const refresh = useCallback(async () => {
    const params = new URLSearchParams();
    if (shipping) params.set("shipping", shipping);
    if (postalCode) params.set("postalCode", postalCode);
    const res = await fetch(`/checkout/api/summary?${params}`);
    if (res.ok) setSummary((await res.json()) as Summary);
  }, [shipping, postalCode]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { ...summary, refresh };
}
