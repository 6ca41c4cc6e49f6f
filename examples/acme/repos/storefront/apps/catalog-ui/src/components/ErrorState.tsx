import { useState } from "react";

interface ErrorStateProps {
  title?: string;
  message?: string;
  /** Shown as a "Try again" button when given. */
  onRetry?: () => void;
}

export function ErrorState({
  title = "Something went wrong",
  message = "We couldn't load this page. Check your connection and try again.",
  onRetry,
}: ErrorStateProps) {
  const [retrying, setRetrying] = useState(false);

  function handleRetry() {
    if (!onRetry) return;
    setRetrying(true);
    onRetry();
    // the parent re-renders into its loading state; this only guards against double clicks
    setTimeout(() => setRetrying(false), 1000);
  }

  return (
    <div className="error-state" role="alert">
      <h2>{title}</h2>
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={handleRetry} disabled={retrying}>
          {retrying ? "Trying again…" : "Try again"}
        </button>
      )}
    </div>
  );
}
