import { UserError } from "../shared/index.js";

/**
 * What PostgreSQL and the client say when the connection went away mid-work: the server shut down or
 * restarted (57P01–57P03), a connection exception (08…), or the socket closed under the client.
 */
function isLostConnection(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? "");
  const message = String((error as Error)?.message ?? "");
  return (
    /^(57P0[1-3]|08...)$/.test(code) ||
    ["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT"].includes(code) ||
    /Connection terminated|connection ended|Client has encountered a connection error/i.test(message)
  );
}

/** A lost connection said as such (exit 2): the transaction it was in rolled back on the server. */
export function lostConnection(where: string, error: unknown): UserError | undefined {
  if (!isLostConnection(error)) return undefined;
  return new UserError(
    "db-lost",
    `${where}: the connection to the database was lost (${(error as Error).message}); what was being written rolled back, so the index keeps each repository's last complete snapshot.`,
    "Run the command again once the server is back.",
  );
}

/**
 * The same object, its methods' failures from a lost connection turned into that message. Everything the
 * org-wide index does goes through its public methods, so one wrapper covers every query.
 */
export function sayingLostConnections<T extends object>(target: T, where: string): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        try {
          const out = value.apply(object, args);
          return out instanceof Promise
            ? out.catch((error: unknown) => {
                throw lostConnection(where, error) ?? error;
              })
            : out;
        } catch (error) {
          throw lostConnection(where, error) ?? error;
        }
      };
    },
  });
}
