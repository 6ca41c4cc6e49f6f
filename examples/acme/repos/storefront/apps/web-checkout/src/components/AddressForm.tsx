import { type ChangeEvent, useState } from "react";
import { COUNTRIES, type CountryCode } from "../address/countries";
import type { Address, AddressField, AddressIssue } from "../address/validate-address";

interface AddressFormProps {
  legend: string;
  initial?: Partial<Address>;
  issues: AddressIssue[];
  onChange: (address: Address) => void;
}

const MESSAGES: Record<AddressIssue["code"], string> = {
  required: "This field is required.",
  invalid_format: "Please check the format.",
  too_long: "Please keep this under 35 characters.",
  unsupported_country: "We don't deliver to this country yet.",
  not_deliverable: "Express delivery isn't available to PO boxes.",
};

const EMPTY: Address = { name: "", line1: "", city: "", postalCode: "", country: "DE" };

function messageFor(issues: AddressIssue[], field: AddressField): string | undefined {
  const issue = issues.find((i) => i.field === field);
  return issue ? MESSAGES[issue.code] : undefined;
}

interface FieldProps {
  id: string;
  label: string;
  field: AddressField;
  value: string | undefined;
  autoComplete: string;
  issues: AddressIssue[];
  optional?: boolean;
  onChange: (field: AddressField, value: string) => void;
}

function Field({ id, label, field, value, autoComplete, issues, optional, onChange }: FieldProps) {
  const message = messageFor(issues, field);
  const inputId = `${id}-${field}`;
  return (
    <div className={message ? "field field--invalid" : "field"}>
      <label htmlFor={inputId}>
        {label}
        {optional && <span className="field__optional"> (optional)</span>}
      </label>
      <input
        id={inputId}
        name={field}
        value={value ?? ""}
        autoComplete={autoComplete}
        aria-invalid={Boolean(message)}
        aria-describedby={message ? `${inputId}-error` : undefined}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(field, e.target.value)}
      />
      {message && (
        <p id={`${inputId}-error`} className="field__error">
          {message}
        </p>
      )}
    </div>
  );
}

export function AddressForm({ legend, initial, issues, onChange }: AddressFormProps) {
  const [address, setAddress] = useState<Address>({ ...EMPTY, ...initial });
  const id = legend.toLowerCase().replace(/\s+/g, "-");

  function update(field: AddressField, value: string) {
    const next = { ...address, [field]: value } as Address;
    setAddress(next);
    onChange(next);
  }

  const postalLabel = address.country === "GB" || address.country === "IE" ? "Postcode" : "Postal code";

  return (
    <fieldset className="address-form">
      <legend>{legend}</legend>
      <Field id={id} label="Full name" field="name" value={address.name} autoComplete="name" issues={issues} onChange={update} />
      <Field
        id={id}
        label="Company"
        field="company"
        value={address.company}
        autoComplete="organization"
        issues={issues}
        optional
        onChange={update}
      />
      <Field
        id={id}
        label="Street and house number"
        field="line1"
        value={address.line1}
        autoComplete="address-line1"
        issues={issues}
        onChange={update}
      />
      <Field
        id={id}
        label="Apartment, floor, c/o"
        field="line2"
        value={address.line2}
        autoComplete="address-line2"
        issues={issues}
        optional
        onChange={update}
      />
      <div className="field-row">
        <Field
          id={id}
          label={postalLabel}
          field="postalCode"
          value={address.postalCode}
          autoComplete="postal-code"
          issues={issues}
          onChange={update}
        />
        <Field id={id} label="City" field="city" value={address.city} autoComplete="address-level2" issues={issues} onChange={update} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-country`}>Country</label>
        <select
          id={`${id}-country`}
          name="country"
          value={address.country}
          autoComplete="country"
          onChange={(e) => update("country", e.target.value as CountryCode)}
        >
          {Object.values(COUNTRIES).map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
      </div>
      <Field
        id={id}
        label="Phone, for the courier"
        field="phone"
        value={address.phone}
        autoComplete="tel"
        issues={issues}
        optional
        onChange={update}
      />
    </fieldset>
  );
}
