import type { Unit } from "../lang/index.js";

/** `this.http.get` → `get`: how a call names a function of the same file. */
export function lastSegment(call: string): string {
  return call.slice(call.lastIndexOf(".") + 1);
}

/**
 * The module-level blocks each unit uses, by the names the blocks declare: a function that reads a hoisted
 * `const HEADER = "x-request-id"` belongs with it, because that is how people split one piece of work over
 * a module.
 *
 * A method does not use the block that declares its own receiver type by naming that type, or another type
 * declared with it (a Go method's signature names them all): the struct's fields say what the object holds
 * (a rate limiter it was handed, a logger), and a method that uses one names it (`a.rateLimiter.Wait`). A
 * value declared in the same block (a `const maxRetries` beside the struct) still lends it.
 */
export function blocksUsedBy(units: readonly Unit[]): number[][] {
  const declaredBy = new Map<string, number>();
  units.forEach((unit, index) => {
    if (unit.kind === "block") for (const name of unit.declares ?? []) declaredBy.set(name, index);
  });
  return units.map((unit, self) => {
    const used = new Set<number>();
    const own = unit.parent === undefined ? undefined : declaredBy.get(unit.parent);
    const ownTypes = own === undefined ? undefined : units[own]?.types;
    for (const identifier of unit.identifiers) {
      const block = declaredBy.get(identifier);
      if (block === own && ownTypes?.includes(identifier)) continue;
      if (block !== undefined && block !== self) used.add(block);
    }
    return [...used].sort((a, b) => a - b);
  });
}

/** Functions and methods of the same file, by their last name segment, for resolving calls. */
export function callableByName(units: readonly Unit[]): Map<string, number> {
  const byName = new Map<string, number>();
  units.forEach((unit, index) => {
    if (unit.kind === "function" || unit.kind === "method") byName.set(lastSegment(unit.name), index);
  });
  return byName;
}

/** For each unit, the units of the same file that call it (by the callee's last name segment). */
export function callersOf(units: readonly Unit[], byName: Map<string, number>): number[][] {
  const callers: number[][] = units.map(() => []);
  units.forEach((unit, index) => {
    for (const call of new Set(unit.calls.map(lastSegment))) {
      const callee = byName.get(call);
      if (callee !== undefined) callers[callee]?.push(index);
    }
  });
  return callers;
}

/**
 * Same-file free functions a unit calls, directly or through other helpers (a `newID`, a `sleep`, a
 * `withRequestId`): their work is the caller's work. Methods are left out: a class's methods calling each
 * other are parts of one object, and a queue consumer's `poll` is not a retry policy because it calls the
 * `process` method that has one.
 */
export function helpersCalledBy(units: readonly Unit[]): number[][] {
  const byName = callableByName(units);
  const direct = units.map((unit, self) => {
    const called = new Set<number>();
    for (const call of unit.calls) {
      const callee = byName.get(lastSegment(call));
      if (callee !== undefined && callee !== self && units[callee]?.kind === "function") called.add(callee);
    }
    return called;
  });
  return direct.map((_, start) => {
    const seen = new Set<number>();
    const queue = [...(direct[start] ?? [])];
    while (queue.length > 0) {
      const next = queue.pop() as number;
      if (next === start || seen.has(next)) continue;
      seen.add(next);
      queue.push(...(direct[next] ?? []));
    }
    return [...seen].sort((a, b) => a - b);
  });
}

/** The methods of each class unit (by `parent`), so a class can be read as the module it is. */
export function methodsOf(units: readonly Unit[]): number[][] {
  const classIndex = new Map<string, number>();
  units.forEach((unit, index) => {
    if (unit.kind === "class") classIndex.set(unit.name, index);
  });
  const methods: number[][] = units.map(() => []);
  units.forEach((unit, index) => {
    const owner = unit.parent === undefined ? undefined : classIndex.get(unit.parent);
    if (owner !== undefined) methods[owner]?.push(index);
  });
  return methods;
}
