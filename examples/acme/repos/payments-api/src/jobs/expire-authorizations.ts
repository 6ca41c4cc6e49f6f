import { getPool } from "../db";
import { loadConfig } from "../config";
import { audit } from "../audit/audit-log";
import { updateCharge } from "../charges/charges.repo";
import { buildProcessors } from "../processors";
import { UpstreamError } from "../lib/with-retry";
import { childLogger } from "../lib/logger";
import type { ProcessorName } from "../charges/types";

const log = childLogger("expire-authorizations");

/** Card schemes release uncaptured authorisations after about 7 days; we void ours a day earlier. */
const MAX_AUTHORIZATION_AGE_DAYS = 6;
const BATCH_SIZE = 200;

interface StaleAuthorization {
  id: string;
  processor: ProcessorName;
  processor_ref: string;
}

export async function expireAuthorizations(): Promise<{ voided: number; failed: number }> {
  const processors = buildProcessors(loadConfig());
  const { rows } = await getPool().query<StaleAuthorization>(
    `SELECT id, processor, processor_ref
       FROM charges
      WHERE status = 'authorized'
        AND processor_ref IS NOT NULL
        AND updated_at < now() - make_interval(days => $1)
      ORDER BY updated_at
      LIMIT $2`,
    [MAX_AUTHORIZATION_AGE_DAYS, BATCH_SIZE],
  );

  let voided = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      await processors.get(row.processor).void(row.processor_ref);
      await updateCharge(row.id, { status: "voided" });
      audit({ actor: "job:expire-authorizations", action: "charge.void", resource: `charge:${row.id}`, outcome: "success" });
      voided++;
    } catch (err) {
      failed++;
      log.error("could not void stale authorization", {
        chargeId: row.id,
        status: err instanceof UpstreamError ? err.statusCode : undefined,
        message: (err as Error).message,
      });
    }
  }
  log.info("expired stale authorizations", { candidates: rows.length, voided, failed });
  return { voided, failed };
}

if (require.main === module) {
  expireAuthorizations()
    .then(({ failed }) => process.exit(failed > 0 ? 1 : 0))
    .catch((err) => {
      log.error("job crashed", { err });
      process.exit(2);
    });
}
