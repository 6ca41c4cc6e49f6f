// lineitem's report, part 3 of 5: charts (uPlot, numbers on hover) and the ledger view.
(() => {
  const L = window.lineitemReport;
  const { h, money, range, link, matches } = L;

  // ---- charts -------------------------------------------------------------------------------------------
  const COLORS = [
    "#2563eb",
    "#dc2626",
    "#16a34a",
    "#9333ea",
    "#ea580c",
    "#0891b2",
    "#4d7c0f",
    "#be185d",
    "#64748b",
    "#a16207",
  ];

  /** A line chart with its numbers in the legend as the pointer moves (uPlot). */
  function chart(title, labels, series, format) {
    const box = h("figure", { class: "chart" }, h("figcaption", {}, title));
    const draw = () => {
      const width = Math.max(320, Math.min(960, box.clientWidth || 720));
      const opts = {
        width,
        height: 260,
        scales: { x: { time: false } },
        axes: [
          { values: (_u, ticks) => ticks.map((t) => labels[t] ?? ""), space: 60 },
          { values: (_u, ticks) => ticks.map((t) => (format ? format(t) : t)), size: 70 },
        ],
        series: [
          { label: "point", value: (_u, v) => (v === null || v === undefined ? "—" : labels[v]) },
          ...series.map((s, i) => ({
            label: s.label,
            stroke: s.color || COLORS[i % COLORS.length],
            width: 2,
            dash: s.dash,
            value: (_u, v) => (v === null || v === undefined ? "—" : format ? format(v) : String(v)),
          })),
        ],
      };
      const data = [labels.map((_, i) => i), ...series.map((s) => s.values)];
      new window.uPlot(opts, data, box); // uPlot draws into the box; the instance is not needed after
    };
    requestAnimationFrame(draw);
    return box;
  }

  function ledgerView() {
    const ledger = L.data.scan.ledger;
    const currency = ledger.assumptions.currency;
    const quarters = ledger.total.quarters.map((q) => q.quarter);
    const team = new Map(ledger.platformTeam.quarters.map((q) => [q.quarter, q.cumulativeCost]));
    const items = ledger.items.filter(
      (item) =>
        L.data.scan.concerns.find((c) => c.id === item.concern)?.implementations.some(matches) ?? true,
    );
    return [
      h("h2", {}, "Ledger"),
      h(
        "p",
        {},
        `Redistributed cost ${range(ledger.total.redistributedCost, currency)}; an MVP platform team of ${ledger.assumptions.platformTeamEngineers.low}–${ledger.assumptions.platformTeamEngineers.high} costs ${range(ledger.platformTeam.quarterCost, currency)} a quarter.`,
      ),
      quarters.length
        ? chart(
            "Cumulative cost of the repeats against the MVP platform team",
            quarters,
            [
              { label: "repeats (low)", values: ledger.total.quarters.map((q) => q.cumulativeCost.low) },
              { label: "repeats (high)", values: ledger.total.quarters.map((q) => q.cumulativeCost.high) },
              {
                label: "platform team (low)",
                values: quarters.map((q) => team.get(q)?.low ?? null),
                dash: [6, 4],
                color: "#64748b",
              },
              {
                label: "platform team (high)",
                values: quarters.map((q) => team.get(q)?.high ?? null),
                dash: [6, 4],
                color: "#94a3b8",
              },
            ],
            (v) => money(v, currency),
          )
        : h("p", { class: "muted" }, "No history: no quarters to draw."),
      quarters.length && items.length
        ? chart(
            "Cumulative cost per line item (the low estimate; click a name to hide it)",
            quarters,
            items.map((item) => {
              const byQuarter = new Map(item.quarters.map((q) => [q.quarter, q.cumulativeCost.low]));
              let last = 0;
              return {
                label: item.title,
                values: quarters.map((q) => {
                  last = byQuarter.get(q) ?? last;
                  return last;
                }),
              };
            }),
            (v) => money(v, currency),
          )
        : null,
      h(
        "table",
        { class: "grid" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["line item", "writings", "teams", "authors", "engineer-days", "cost"].map((x) =>
              h("th", { scope: "col" }, x),
            ),
          ),
        ),
        h(
          "tbody",
          {},
          items.map((item) =>
            h(
              "tr",
              {},
              h(
                "td",
                {},
                item.kind === "concern"
                  ? h("a", { href: link("concern", item.concern) }, item.title)
                  : item.title,
              ),
              h("td", { class: "num" }, item.implementations),
              h("td", { class: "num" }, item.teams),
              h("td", { class: "num" }, item.authors),
              h(
                "td",
                { class: "num" },
                `${Math.round(item.redistributedDays.low)}–${Math.round(item.redistributedDays.high)}`,
              ),
              h("td", { class: "num" }, range(item.redistributedCost, currency)),
            ),
          ),
        ),
      ),
      h("p", { class: "muted small" }, ledger.assumptions.counting),
    ];
  }

  Object.assign(L, { chart, ledgerView });
})();
