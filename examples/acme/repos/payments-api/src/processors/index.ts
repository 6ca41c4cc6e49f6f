import type { Config } from "../config";
import type { ProcessorName } from "../charges/types";
import { AdyenProcessor } from "./adyen";
import { StripeProcessor } from "./stripe";
import type { PaymentProcessor } from "./types";

export interface Processors {
  primary: PaymentProcessor;
  get(name: ProcessorName): PaymentProcessor;
  fallbackFor(name: ProcessorName): PaymentProcessor;
}

export function buildProcessors(config: Config): Processors {
  const adyen = new AdyenProcessor(config.ADYEN_API_URL, config.ADYEN_API_KEY, config.ADYEN_MERCHANT_ACCOUNT);
  const stripe = new StripeProcessor(config.STRIPE_API_URL, config.STRIPE_SECRET_KEY);
  const byName: Record<ProcessorName, PaymentProcessor> = { adyen, stripe };
  return {
    primary: adyen,
    get: (name) => byName[name],
    fallbackFor: (name) => (name === "adyen" ? stripe : adyen),
  };
}
