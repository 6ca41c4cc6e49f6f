export type Flag = "express_shipping" | "pickup_points" | "gift_cards" | "address_autocomplete";

const DEFAULTS: Record<Flag, boolean> = {
  express_shipping: true,
  pickup_points: false,
  gift_cards: false,
  address_autocomplete: false,
};

/**
 * Flags come from CHECKOUT_FLAGS, a comma separated list: "pickup_points,-express_shipping".
 * A leading minus turns a flag off. Unknown names are ignored.
 */
export function parseFlags(raw: string | undefined): Record<Flag, boolean> {
  const flags = { ...DEFAULTS };
  for (const item of (raw ?? "").split(",")) {
    const name = item.trim();
    if (!name) continue;
    const off = name.startsWith("-");
    const key = (off ? name.slice(1) : name) as Flag;
    if (key in flags) {
      flags[key] = !off;
    }
  }
  return flags;
}

const current = parseFlags(process.env.CHECKOUT_FLAGS);

export function isEnabled(flag: Flag): boolean {
  return current[flag];
}
