import { describe, expect, it } from "vitest";
import { makeUnit as unit } from "../../test/helpers/units.js";
import { blocksUsedBy } from "./module-graph.js";

describe("blocksUsedBy", () => {
  // type ( Request struct{…}; archiver struct{ rateLimiter quotas.RateLimiter } )
  const types = unit("Request", {
    kind: "block",
    declares: ["Request", "archiver"],
    types: ["Request", "archiver"],
  });
  // const maxRetries = 3 / type Client struct{…}: one block, a value and a type
  const mixed = unit("maxRetries", { kind: "block", declares: ["maxRetries", "Client"], types: ["Client"] });

  it("lends a block to a function that names what it declares, types included", () => {
    const build = unit("NewRequest", { identifiers: ["Request", "id"] });
    expect(blocksUsedBy([types, build])).toEqual([[], [0]]);
  });

  it("does not lend a method the block of its own type through the type names its signature gives", () => {
    const archive = unit("archiver.archiveHistory", {
      kind: "method",
      parent: "archiver",
      identifiers: ["a", "archiver", "request", "Request", "time"],
    });
    expect(blocksUsedBy([types, archive])).toEqual([[], []]);
  });

  it("still lends it the values declared beside its type", () => {
    const get = unit("Client.Do", {
      kind: "method",
      parent: "Client",
      identifiers: ["c", "Client", "maxRetries"],
    });
    const name = unit("Client.Name", { kind: "method", parent: "Client", identifiers: ["c", "Client"] });
    expect(blocksUsedBy([mixed, get, name])).toEqual([[], [0], []]);
  });

  it("leaves blocks without types as they were (a class's methods have a class unit, not a block)", () => {
    const client = unit("client", { kind: "block", declares: ["client"] });
    const method = unit("client.get", { kind: "method", parent: "client", identifiers: ["client"] });
    expect(blocksUsedBy([client, method])).toEqual([[], [0]]);
  });
});
