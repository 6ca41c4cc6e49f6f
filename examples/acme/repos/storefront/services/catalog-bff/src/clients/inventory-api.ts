import { createLogger } from "@acme/platform-kit";
import { config } from "../config";
import { withRetry } from "../util/retry";
import { createHttpClient } from "./http-client";

const logger = createLogger({ service: "catalog-bff" });

const inventoryHttp = createHttpClient(config.inventoryApiBase, "inventory-api");

export interface WarehouseStock {
  warehouse: string;
  sku: string;
  onHand: number;
  reserved: number;
  nextDelivery: string | null;
}

interface StockResponse {
  items: WarehouseStock[];
}

/** The inventory API accepts at most 100 SKUs per call. */
const BATCH_SIZE = 100;

export async function getStock(skus: string[]): Promise<WarehouseStock[]> {
  const unique = [...new Set(skus)];
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += BATCH_SIZE) {
    batches.push(unique.slice(i, i + BATCH_SIZE));
  }
  const results = await Promise.all(
    batches.map((batch) =>
      withRetry(() => inventoryHttp.get<StockResponse>("/v2/stock", { params: { sku: batch.join(",") } }), {
        onRetry: (err, attempt) => logger.info("retrying inventory call", { attempt, skus: batch.length, err }),
      }),
    ),
  );
  return results.flatMap((res) => res.data.items);
}
