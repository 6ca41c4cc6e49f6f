import { useEffect, useState } from "react";
import { type Availability, fetchAvailability } from "../api/bff";

export function useAvailability(skus: string[]) {
  const [bySku, setBySku] = useState<Record<string, Availability>>({});
  const key = skus.join(",");

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    fetchAvailability(key.split(","), controller.signal)
      .then((items) => setBySku(Object.fromEntries(items.map((item) => [item.sku, item]))))
      .catch(() => {
        // stock badges are optional; the add-to-cart step checks stock again
      });
    return () => controller.abort();
  }, [key]);

  return bySku;
}
