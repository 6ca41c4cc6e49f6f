import { loadConfig } from "../config";
import { HttpClient } from "../infra/http-client";
import { type CurrencyCode, type Money, toMinorUnits, fromMinorUnits } from "../lib/money";
import { withRetry } from "../lib/with-retry";
import { childLogger } from "../lib/logger";

const log = childLogger("fx-rates");

interface RatesResponse {
  base: CurrencyCode;
  asOf: string;
  rates: Partial<Record<CurrencyCode, number>>;
}

interface CachedRates {
  base: CurrencyCode;
  asOf: Date;
  fetchedAt: number;
  rates: Partial<Record<CurrencyCode, number>>;
}

export class StaleRatesError extends Error {
  constructor(readonly asOf: Date) {
    super(`FX rates from ${asOf.toISOString()} are too old to use`);
  }
}

/**
 * Reference rates from treasury's FX service, refreshed at most once a minute. Only used for
 * reporting the settlement value of non-EUR charges in the ledger; customers are always charged in
 * the currency they saw at checkout.
 */
export class FxRates {
  private cache: CachedRates | undefined;
  private readonly http: HttpClient;

  constructor(
    baseUrl = loadConfig().FX_API_URL,
    private readonly maxAgeMinutes = loadConfig().FX_MAX_AGE_MINUTES,
  ) {
    this.http = new HttpClient(baseUrl, { name: "fx", timeoutMs: 5_000 });
  }

  private async rates(): Promise<CachedRates> {
    if (this.cache && Date.now() - this.cache.fetchedAt < 60_000) return this.cache;
    const res = await withRetry(() => this.http.get<RatesResponse>("/v1/rates", { query: { base: "EUR" } }), {
      label: "fx.rates",
      maxAttempts: 3,
    });
    this.cache = { base: res.base, asOf: new Date(res.asOf), fetchedAt: Date.now(), rates: res.rates };
    log.info("fx rates refreshed", { asOf: res.asOf, currencies: Object.keys(res.rates).length });
    return this.cache;
  }

  async rate(from: CurrencyCode, to: CurrencyCode): Promise<number> {
    if (from === to) return 1;
    const cached = await this.rates();
    const ageMinutes = (Date.now() - cached.asOf.getTime()) / 60_000;
    if (ageMinutes > this.maxAgeMinutes) throw new StaleRatesError(cached.asOf);
    const perBase = (c: CurrencyCode) => (c === cached.base ? 1 : cached.rates[c]);
    const fromRate = perBase(from);
    const toRate = perBase(to);
    if (!fromRate || !toRate) throw new Error(`no FX rate for ${from}->${to}`);
    return toRate / fromRate;
  }

  async convert(money: Money, to: CurrencyCode): Promise<Money> {
    const rate = await this.rate(money.currency, to);
    const amount = fromMinorUnits(money.amountMinor, money.currency) * rate;
    return { amountMinor: toMinorUnits(amount, to), currency: to };
  }
}
