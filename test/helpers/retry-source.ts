/** A retry helper every concern definition recognises, with its attempt count as a parameter. */
export function retrySource(attempts = 3, name = "retry"): string {
  return `export async function ${name}(fn, attempts = ${attempts}, baseDelayMs = 100) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** attempt));
    }
  }
}
`;
}
