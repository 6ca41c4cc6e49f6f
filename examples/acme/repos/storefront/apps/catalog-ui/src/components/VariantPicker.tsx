import type { ProductDetail, ProductVariant } from "../api/bff";

interface VariantPickerProps {
  product: ProductDetail;
  selected: Record<string, string>;
  onChange: (selected: Record<string, string>) => void;
}

export function findVariant(product: ProductDetail, selected: Record<string, string>): ProductVariant | undefined {
  return product.variants.find((variant) =>
    product.options.every((option) => variant.options[option.name] === selected[option.name]),
  );
}

/** A value is available when some variant has it together with the other current choices. */
function isAvailable(product: ProductDetail, selected: Record<string, string>, name: string, value: string): boolean {
  const wanted = { ...selected, [name]: value };
  return product.variants.some((variant) =>
    Object.entries(wanted).every(([key, v]) => variant.options[key] === undefined || variant.options[key] === v),
  );
}

export function VariantPicker({ product, selected, onChange }: VariantPickerProps) {
  return (
    <div className="variant-picker">
      {product.options.map((option) => (
        <fieldset key={option.name}>
          <legend>
            {option.name}: <strong>{selected[option.name] ?? "choose"}</strong>
          </legend>
          {option.values.map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={selected[option.name] === value}
              disabled={!isAvailable(product, selected, option.name, value)}
              onClick={() => onChange({ ...selected, [option.name]: value })}
            >
              {value}
            </button>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
