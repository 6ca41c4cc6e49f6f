import { apiFetch, HttpError } from "../lib/http";
import { retry } from "../lib/retry";

export interface ReservationLine {
  sku: string;
  quantity: number;
}

export interface Reservation {
  id: string;
  expiresAt: string;
  lines: ReservationLine[];
}

export class OutOfStockError extends Error {
  constructor(readonly skus: string[]) {
    super(`not enough stock for ${skus.join(", ")}`);
    this.name = "OutOfStockError";
  }
}

export async function reserveStock(orderId: string, lines: ReservationLine[]): Promise<Reservation> {
  try {
    return await retry(() =>
      apiFetch<Reservation>("/inventory/v1/reservations", {
        method: "POST",
        headers: { "idempotency-key": `reserve-${orderId}` },
        body: { reference: orderId, lines, ttl_seconds: 900 },
      }),
    );
  } catch (err) {
    if (err instanceof HttpError && err.status === 409) {
      const body = JSON.parse(err.body || "{}") as { unavailable?: string[] };
      throw new OutOfStockError(body.unavailable ?? lines.map((line) => line.sku));
    }
    throw err;
  }
}

export async function releaseReservation(reservationId: string): Promise<void> {
  await retry(() =>
    apiFetch<void>(`/inventory/v1/reservations/${encodeURIComponent(reservationId)}`, { method: "DELETE" }),
  );
}
