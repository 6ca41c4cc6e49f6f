// lineitem's report, part 2 of 5: the overview and each concern (implementations, drift, code side by side).
(() => {
  const L = window.lineitemReport;
  const { h, code, plural, day, range, route, link, matches } = L;

  // ---- overview -----------------------------------------------------------------------------------------
  function sentence(scan) {
    const repeated = scan.concerns.filter((c) => c.crossTeam);
    if (repeated.length === 0) return "No cross-cutting concern is written by more than one team.";
    const parts = repeated.map((c) => `${c.noun} ${c.writings === 2 ? "twice" : `${c.writings} times`}`);
    const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0];
    return `Your teams wrote ${list}.`;
  }

  function concernsTable(scan) {
    const rows = scan.concerns
      .filter((c) => c.implementations.some(matches) || c.adoptions.some(matches))
      .map((c) => {
        const impls = c.implementations.filter(matches);
        const teams = new Set(impls.map((i) => i.team));
        return h(
          "tr",
          {},
          h("td", {}, h("a", { href: link("concern", c.id) }, c.title)),
          h("td", { class: "num" }, impls.length),
          h("td", { class: "num" }, teams.size),
          h("td", {}, c.goldenPath ? (c.goldenPath.package ?? c.goldenPath.path ?? "") : "—"),
          h("td", { class: "num" }, new Set(c.adoptions.filter(matches).map((a) => a.team)).size),
          h("td", {}, day(c.firstSeen)),
        );
      });
    return h(
      "table",
      { class: "grid" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["concern", "implementations", "teams", "golden path", "teams adopting", "since"].map((x) =>
            h("th", { scope: "col" }, x),
          ),
        ),
      ),
      h("tbody", {}, rows.length ? rows : h("tr", {}, h("td", { colspan: 6 }, "Nothing for this filter."))),
    );
  }

  function overview() {
    const scan = L.data.scan;
    const ledger = scan.ledger;
    const currency = ledger.assumptions.currency;
    const advice = scan.advice;
    const s = scan.summary;
    return [
      h("p", { class: "sentence" }, sentence(scan)),
      advice
        ? h(
            "section",
            { class: `advice approach-${advice.approach}`, "aria-label": "advice" },
            h("h2", {}, `Approach ${advice.approach}: ${advice.title}`),
            h("p", {}, advice.summary),
            h(
              "ul",
              {},
              advice.reasons.map((r) => h("li", {}, r)),
            ),
          )
        : h("p", {}, "No advice: no history could be read."),
      h(
        "section",
        { "aria-label": "ledger total" },
        h("h2", {}, "What the repeats cost"),
        h(
          "p",
          { class: "total" },
          `${range(ledger.total.redistributedCost, currency)} since ${ledger.total.quarters[0]?.quarter ?? "—"} `,
          h(
            "span",
            { class: "muted" },
            `(${Math.round(ledger.total.redistributedDays.low)}–${Math.round(ledger.total.redistributedDays.high)} engineer-days)`,
          ),
        ),
        h("p", { class: "muted small" }, ledger.assumptions.effortModel),
      ),
      h(
        "p",
        { class: "muted" },
        `${s.repos} ${s.repos === 1 ? "repository" : "repositories"} · ${plural(s.teams, "team")} · ${plural(s.filesRead, "file")} read · ${s.lines.toLocaleString("en-US")} lines · ${plural(s.implementations, "implementation")} · ${plural(s.unnamedClusters, "cluster")} of unnamed work`,
      ),
      h("h2", {}, "Concerns"),
      concernsTable(scan),
    ];
  }

  // ---- one concern ----------------------------------------------------------------------------------------
  function implementationRows(concern) {
    return concern.implementations.filter(matches).map((impl) => {
      const hist = impl.history;
      const copied = impl.copyOf
        ? concern.implementations.find((other) => other.id === impl.copyOf.implementation)
        : null;
      return h(
        "tr",
        { class: impl.golden ? "golden" : "" },
        h("td", { title: impl.golden ? "golden path" : "" }, impl.golden ? "★" : ""),
        h("td", {}, impl.team),
        h("td", {}, impl.repo),
        h("td", { class: "path", title: L.data.where[impl.id].runs }, L.data.where[impl.id].text),
        h("td", { class: "num" }, hist ? hist.authors : "—"),
        h("td", { class: "num" }, hist ? hist.commits : "—"),
        h("td", {}, day(hist?.firstSeen)),
        h("td", {}, day(hist?.lastChanged)),
        h("td", { class: "num" }, impl.fanIn),
        h(
          "td",
          {},
          copied ? `copy of ${copied.team}'s (${Math.round(impl.copyOf.similarity * 100)}% alike)` : "",
        ),
      );
    });
  }

  /**
   * One row per implementation, one column per parameter; a value that differs from the reference (the
   * golden path's, else the most common) is marked, as in the terminal's drift table.
   */
  function driftTable(concern) {
    const columns = concern.drift || [];
    if (columns.length === 0) return h("p", { class: "muted" }, "No parameters to compare for this concern.");
    const impls = [...concern.implementations].sort((a, b) => Number(b.golden) - Number(a.golden));
    const golden = impls.find((impl) => impl.golden);
    const reference = (id) => {
      if (golden?.parameters[id]) return JSON.stringify(golden.parameters[id].value);
      const counts = new Map();
      for (const impl of impls) {
        const cell = impl.parameters[id];
        if (cell) counts.set(JSON.stringify(cell.value), (counts.get(JSON.stringify(cell.value)) || 0) + 1);
      }
      return [...counts].sort((x, y) => y[1] - x[1])[0]?.[0];
    };
    const refs = new Map(columns.map((col) => [col.id, reference(col.id)]));
    return h(
      "table",
      { class: "grid drift" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "team"),
          columns.map((col) => h("th", { scope: "col" }, col.title)),
        ),
      ),
      h(
        "tbody",
        {},
        impls.filter(matches).map((impl) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, `${impl.golden ? "★ " : ""}${impl.team}`),
            columns.map((col) => {
              const cell = impl.parameters[col.id];
              if (!cell) return h("td", { class: "muted" }, "—");
              const differs = JSON.stringify(cell.value) !== refs.get(col.id);
              return h(
                "td",
                {
                  class: differs ? "differs" : "",
                  title: cell.path ? `${cell.path}:${cell.line}` : `line ${cell.line}`,
                },
                cell.display,
              );
            }),
          ),
        ),
      ),
    );
  }

  /** Side by side, with the lines that differ marked (jsdiff over trimmed lines). */
  function sideBySide(left, right, leftLabel, rightLabel) {
    const a = L.data.excerpts[left];
    const b = L.data.excerpts[right];
    if (!a || !b)
      return h(
        "p",
        { class: "muted" },
        "The code of one of these is not in this report (changed since the scan).",
      );
    const parts = window.Diff.diffArrays(
      a.lines.map((l) => l.trim()),
      b.lines.map((l) => l.trim()),
    );
    const rows = [];
    let ia = 0;
    let ib = 0;
    // A line number of null marks the gap between two runs of an implementation's work.
    const cell = (excerpt, index, kind) => {
      if (index === null) return [h("td", { class: "ln" }), h("td", { class: `src ${kind}` })];
      const line = excerpt.lineNumbers[index];
      if (line === null)
        return [
          h("td", { class: "ln gap" }, "⋯"),
          h("td", { class: "src gap" }, "lines not part of the work"),
        ];
      return [
        h("td", { class: "ln" }, line),
        h("td", { class: `src ${kind}` }, code(excerpt.html[index] ?? "")),
      ];
    };
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p];
      const next = parts[p + 1];
      if (!part.added && !part.removed) {
        for (let k = 0; k < part.count; k++)
          rows.push(h("tr", {}, cell(a, ia++, "same"), cell(b, ib++, "same")));
      } else if (part.removed && next?.added) {
        const n = Math.max(part.count, next.count);
        for (let k = 0; k < n; k++) {
          rows.push(
            h(
              "tr",
              {},
              cell(a, k < part.count ? ia++ : null, "del"),
              cell(b, k < next.count ? ib++ : null, "add"),
            ),
          );
        }
        p++;
      } else if (part.removed) {
        for (let k = 0; k < part.count; k++) rows.push(h("tr", {}, cell(a, ia++, "del"), cell(b, null, "")));
      } else {
        for (let k = 0; k < part.count; k++) rows.push(h("tr", {}, cell(a, null, ""), cell(b, ib++, "add")));
      }
    }
    const same = parts.filter((x) => !x.added && !x.removed).reduce((n, x) => n + x.count, 0);
    return h(
      "div",
      { class: "compare" },
      h(
        "p",
        { class: "muted" },
        `${same} of ${Math.max(a.lines.length, b.lines.length)} lines the same (ignoring indentation)`,
        a.truncated || b.truncated ? " · long code cut" : "",
      ),
      h(
        "table",
        { class: "diff", "aria-label": "side-by-side comparison" },
        h("colgroup", {}, h("col", { class: "ln" }), h("col", {}), h("col", { class: "ln" }), h("col", {})),
        h("thead", {}, h("tr", {}, h("th", { colspan: 2 }, leftLabel), h("th", { colspan: 2 }, rightLabel))),
        h("tbody", {}, rows),
      ),
    );
  }

  function comparePicker(view, arg, choices, labelOf) {
    const { params } = route();
    const a = params.get("a") || choices[0]?.[0];
    const b = params.get("b") || choices[1]?.[0];
    const pick = (name, current) =>
      h(
        "select",
        {
          "aria-label": `compare ${name === "a" ? "left" : "right"}`,
          "data-compare": name,
          onchange: (event) => {
            location.hash = link(view, arg, {
              a: name === "a" ? event.target.value : a,
              b: name === "b" ? event.target.value : b,
            });
          },
        },
        choices.map(([id, label]) => h("option", { value: id, selected: id === current }, label)),
      );
    if (choices.length < 2) return h("p", { class: "muted" }, "Fewer than two to compare.");
    return h(
      "section",
      { "aria-label": "compare" },
      h("h2", {}, "Compare"),
      h("div", { class: "pickers" }, pick("a", a), " with ", pick("b", b)),
      sideBySide(a, b, labelOf(a), labelOf(b)),
    );
  }

  function concernView(id) {
    const concern = L.data.scan.concerns.find((c) => c.id === id);
    if (!concern) return h("p", {}, `No concern ${id} in this scan.`);
    const impls = concern.implementations;
    const labelOf = (implId) => {
      const impl = impls.find((i) => i.id === implId);
      return impl ? `${impl.golden ? "★ " : ""}${impl.team} · ${impl.repo}/${impl.path}` : implId;
    };
    const shown = impls.filter(matches);
    return [
      h("h2", {}, concern.title),
      h("p", { class: "sentence" }, concern.statement),
      h(
        "table",
        { class: "grid" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            [
              "",
              "team",
              "repository",
              "where",
              "authors",
              "commits",
              "first seen",
              "last change",
              "fan-in",
              "",
            ].map((x) => h("th", { scope: "col" }, x)),
          ),
        ),
        h("tbody", {}, implementationRows(concern)),
      ),
      h("h2", {}, "Drift"),
      driftTable(concern),
      concern.adoptions.length
        ? [
            h("h2", {}, "Adoptions of the golden path"),
            h(
              "ul",
              {},
              concern.adoptions
                .filter(matches)
                .map((a) => h("li", {}, `${a.team} · ${a.repo}/${a.path}:${a.line} imports ${a.module}`)),
            ),
          ]
        : null,
      comparePicker(
        "concern",
        id,
        shown.map((impl) => [impl.id, labelOf(impl.id)]),
        labelOf,
      ),
    ];
  }

  function concernsView() {
    return [h("h2", {}, "Concerns"), concernsTable(L.data.scan)];
  }

  Object.assign(L, { sentence, concernsTable, overview, concernView, concernsView, comparePicker });
})();
