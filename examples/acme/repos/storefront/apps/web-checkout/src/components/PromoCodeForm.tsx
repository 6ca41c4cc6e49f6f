import { type FormEvent, useState } from "react";

interface PromoCodeFormProps {
  onApplied: () => void;
}

type State = { kind: "idle" } | { kind: "submitting" } | { kind: "error"; message: string } | { kind: "applied"; code: string };

export function PromoCodeForm({ onApplied }: PromoCodeFormProps) {
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState("");
  const [state, setState] = useState<State>({ kind: "idle" });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!code.trim()) return;
    setState({ kind: "submitting" });
    const res = await fetch("/checkout/api/promo", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code }),
    });
    const body = (await res.json()) as { error?: { message: string } };
    if (!res.ok) {
      setState({ kind: "error", message: body.error?.message ?? "This code cannot be used." });
      return;
    }
    setState({ kind: "applied", code: code.trim().toUpperCase() });
    setCode("");
    onApplied();
  }

  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        Have a promo code?
      </button>
    );
  }

  return (
    <form className="promo-form" onSubmit={submit} noValidate>
      <label htmlFor="promo-code">Promo code</label>
      <div className="promo-form__row">
        <input
          id="promo-code"
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-invalid={state.kind === "error"}
          aria-describedby="promo-code-message"
        />
        <button type="submit" disabled={state.kind === "submitting"}>
          Apply
        </button>
      </div>
      <p id="promo-code-message" role="status">
        {state.kind === "error" && <span className="error-text">{state.message}</span>}
        {state.kind === "applied" && <span>Code {state.code} applied.</span>}
      </p>
    </form>
  );
}
