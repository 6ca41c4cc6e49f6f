import { type FormEvent, useEffect, useState } from "react";

interface SearchBoxProps {
  value: string;
  onSearch: (q: string) => void;
}

export function SearchBox({ value, onSearch }: SearchBoxProps) {
  const [draft, setDraft] = useState(value);

  useEffect(() => setDraft(value), [value]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(draft.trim());
  }

  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor="search-input" className="visually-hidden">
        Search products
      </label>
      <input
        id="search-input"
        type="search"
        placeholder="Search sofas, lamps, rugs…"
        value={draft}
        maxLength={120}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit">Search</button>
    </form>
  );
}
