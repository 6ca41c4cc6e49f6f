import { z } from "zod";
import { isSupportedCountry } from "../../address/countries";
import { type Address, normalizeAddress, validateAddress } from "../../address/validate-address";
import { parseBody, route } from "../api-handler";

const addressSchema = z.object({
  name: z.string().default(""),
  company: z.string().optional(),
  line1: z.string().default(""),
  line2: z.string().optional(),
  city: z.string().default(""),
  postalCode: z.string().default(""),
  region: z.string().optional(),
  country: z.string().length(2).refine(isSupportedCountry, "we do not ship to this country"),
  phone: z.string().optional(),
});

const requestSchema = z.object({
  address: addressSchema,
  shippingMethod: z.enum(["standard", "express", "pickup"]).optional(),
});

export default route({
  async POST(req, res) {
    const { address, shippingMethod } = parseBody(requestSchema, req);
    const issues = validateAddress(address as Address, { express: shippingMethod === "express" });
    res.status(issues.length ? 422 : 200).json({
      valid: issues.length === 0,
      address: normalizeAddress(address as Address),
      issues,
    });
  },
});
