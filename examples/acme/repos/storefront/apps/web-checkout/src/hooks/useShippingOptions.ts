import { useEffect, useState } from "react";
import type { CountryCode } from "../address/countries";
import type { ShippingOption } from "../shipping/shipping-options";

export function useShippingOptions(country: CountryCode | undefined, postalCode: string) {
  const [options, setOptions] = useState<ShippingOption[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!country) return;
    const controller = new AbortController();
    setLoading(true);
    const params = new URLSearchParams({ country, postalCode });
    fetch(`/checkout/api/shipping-options?${params}`, { signal: controller.signal })
      .then((res) => (res.ok ? res.json() : { options: [] }))
      .then((data: { options: ShippingOption[] }) => setOptions(data.options))
      .catch((err: unknown) => {
        if ((err as Error).name !== "AbortError") setOptions([]);
      })
      .finally(() => setLoading(false));
    return () => controller.abort();
  }, [country, postalCode]);

  return { options, loading };
}
