// lineitem's HTML report and dashboard: one page that draws a scan (and a trend, when given) from JSON.
// Embedded in the report file, or fetched from `lineitem serve` (and refreshed when a new scan lands).
// Everything from the scanned repositories (paths, names, code, messages) reaches the page as text nodes;
// the only HTML set from data is code highlighted by lineitem before it was embedded (escaped there).
// Charts: uPlot (window.uPlot); diffs: jsdiff (window.Diff). No network besides the dashboard's own API.
(() => {
  const LIVE = document.documentElement.dataset.mode === "live";
  let DATA = null;

  // ---- small DOM helpers ---------------------------------------------------------------------------
  /** An element; strings and numbers become text nodes, never markup. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
      else if (key === "class") el.className = value;
      else el.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }
  /** Highlighted code lineitem produced (escaped at the source); the one place HTML comes from data. */
  function code(html) {
    const el = document.createElement("code");
    el.innerHTML = html;
    return el;
  }
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const day = (iso) => (iso ? String(iso).slice(0, 10) : "—");
  function money(value, currency) {
    try {
      return new Intl.NumberFormat("en-US", {
        style: "currency",
        currency,
        notation: "compact",
        maximumFractionDigits: Math.abs(value) < 1000 ? 0 : 1,
      }).format(value);
    } catch {
      return `${Math.round(value)} ${currency}`;
    }
  }
  const range = (r, currency) => `${money(r.low, currency)}–${money(r.high, currency)}`;
  const pct = (share) => (share === null || share === undefined ? "—" : `${Math.round(share * 100)}%`);

  // ---- where we are: #/view/arg?team=…&repo=…&a=…&b=… ------------------------------------------------
  function route() {
    const hash = location.hash.replace(/^#\/?/, "");
    const [path, query] = hash.split("?");
    const [view, ...rest] = (path || "overview").split("/");
    const params = new URLSearchParams(query || "");
    return { view: view || "overview", arg: rest.map(decodeURIComponent).join("/"), params };
  }
  function link(view, arg, changes) {
    const { params } = route();
    const next = new URLSearchParams();
    for (const key of ["team", "repo"]) if (params.get(key)) next.set(key, params.get(key));
    for (const [key, value] of Object.entries(changes || {})) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const q = next.toString();
    return `#/${view}${arg ? `/${encodeURIComponent(arg)}` : ""}${q ? `?${q}` : ""}`;
  }
  function matches(item) {
    const { params } = route();
    const team = params.get("team");
    const repo = params.get("repo");
    return (!team || item.team === team) && (!repo || item.repo === repo);
  }

  // ---- the frame: navigation and filters ---------------------------------------------------------------
  const VIEWS = [
    ["overview", "Overview"],
    ["concerns", "Concerns"],
    ["ledger", "Ledger"],
    ["trends", "Trends"],
    ["unnamed", "Unnamed work"],
  ];

  function filters() {
    const { view, arg, params } = route();
    const scan = DATA.scan;
    const teams = scan.teams.map((t) => t.name).sort();
    const repos = scan.repos.map((r) => r.name).sort();
    const select = (name, label, values) =>
      h(
        "label",
        { class: "filter" },
        `${label} `,
        h(
          "select",
          {
            "data-filter": name,
            "aria-label": `filter by ${label.toLowerCase()}`,
            onchange: (event) => {
              location.hash = link(view, arg, { [name]: event.target.value });
            },
          },
          h("option", { value: "" }, label === "Team" ? "all teams" : "all repositories"),
          values.map((value) => h("option", { value, selected: params.get(name) === value }, value)),
        ),
      );
    return h("div", { class: "filters" }, select("team", "Team", teams), select("repo", "Repository", repos));
  }

  function frame(content) {
    const { view } = route();
    const current = view === "concern" ? "concerns" : view;
    const nav = h(
      "nav",
      { "aria-label": "views" },
      VIEWS.map(([id, label]) =>
        h("a", { href: link(id, ""), "aria-current": id === current ? "page" : undefined }, label),
      ),
    );
    const scan = DATA.scan;
    const footer = h(
      "footer",
      {},
      `lineitem ${scan.tool.version} · scan of ${day(scan.generatedAt)}`,
      DATA.trend ? ` · trend of ${day(DATA.trend.generatedAt)}` : "",
      ` · ${DATA.source}`,
      LIVE ? " · live: refreshes when a new scan lands" : "",
    );
    return h(
      "div",
      { class: "page" },
      h("header", {}, h("h1", {}, h("a", { href: link("overview", "") }, "lineitem")), nav, filters()),
      h("main", { id: "main", tabindex: "-1" }, content),
      footer,
    );
  }

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
    const scan = DATA.scan;
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
        h("td", { class: "path" }, `${impl.path}:${impl.startLine}-${impl.endLine}`),
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
      if (golden && golden.parameters[id]) return JSON.stringify(golden.parameters[id].value);
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
              return h("td", { class: differs ? "differs" : "", title: `line ${cell.line}` }, cell.display);
            }),
          ),
        ),
      ),
    );
  }

  /** Side by side, with the lines that differ marked (jsdiff over trimmed lines). */
  function sideBySide(left, right, leftLabel, rightLabel) {
    const a = DATA.excerpts[left];
    const b = DATA.excerpts[right];
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
    const cell = (excerpt, index, kind) =>
      index === null
        ? [h("td", { class: "ln" }), h("td", { class: `src ${kind}` })]
        : [
            h("td", { class: "ln" }, excerpt.startLine + index),
            h("td", { class: `src ${kind}` }, code(excerpt.html[index] ?? "")),
          ];
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p];
      const next = parts[p + 1];
      if (!part.added && !part.removed) {
        for (let k = 0; k < part.count; k++)
          rows.push(h("tr", {}, cell(a, ia++, "same"), cell(b, ib++, "same")));
      } else if (part.removed && next && next.added) {
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
    const concern = DATA.scan.concerns.find((c) => c.id === id);
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
    return [h("h2", {}, "Concerns"), concernsTable(DATA.scan)];
  }

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
          { values: (u, ticks) => ticks.map((t) => labels[t] ?? ""), space: 60 },
          { values: (u, ticks) => ticks.map((t) => (format ? format(t) : t)), size: 70 },
        ],
        series: [
          { label: "point", value: (u, v) => (v === null || v === undefined ? "—" : labels[v]) },
          ...series.map((s, i) => ({
            label: s.label,
            stroke: s.color || COLORS[i % COLORS.length],
            width: 2,
            dash: s.dash,
            value: (u, v) => (v === null || v === undefined ? "—" : format ? format(v) : String(v)),
          })),
        ],
      };
      const data = [labels.map((_, i) => i), ...series.map((s) => s.values)];
      // biome-ignore lint: uPlot draws into the box
      new window.uPlot(opts, data, box);
    };
    requestAnimationFrame(draw);
    return box;
  }

  function ledgerView() {
    const ledger = DATA.scan.ledger;
    const currency = ledger.assumptions.currency;
    const quarters = ledger.total.quarters.map((q) => q.quarter);
    const team = new Map(ledger.platformTeam.quarters.map((q) => [q.quarter, q.cumulativeCost]));
    const items = ledger.items.filter(
      (item) => DATA.scan.concerns.find((c) => c.id === item.concern)?.implementations.some(matches) ?? true,
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

  function trendsView() {
    const trend = DATA.trend;
    if (!trend) {
      return [
        h("h2", {}, "Trends"),
        h(
          "p",
          {},
          "This report has no trend. Compute one with `lineitem trend PATH --json trend.json`, then give it with --trend trend.json.",
        ),
      ];
    }
    const labels = trend.points.map((p) => p.label);
    const { params } = route();
    const team = params.get("team");
    const concerns = trend.concerns.filter(
      (c) => !team || c.series.some((s) => s.teams.includes(team) || s.onGoldenTeams.includes(team)),
    );
    const withPath = concerns.filter((c) => c.goldenPath);
    const k = trend.killCriteria;
    const cohorts = trend.onboarding.cohorts;
    return [
      h("h2", {}, "Trends"),
      chart(
        "Implementations per concern",
        labels,
        concerns.map((c) => ({ label: c.id, values: c.series.map((s) => s.implementations) })),
      ),
      withPath.length
        ? chart(
            "Golden-path uptake: teams on it ÷ teams doing the work",
            labels,
            withPath.map((c) => ({ label: c.id, values: c.series.map((s) => s.uptakeTeams) })),
            (v) => pct(v),
          )
        : null,
      cohorts.length
        ? chart(
            `Onboarding: median days to commit ${trend.onboarding.nthCommit}, per cohort`,
            cohorts.map((c) => `${c.quarter} (${c.newcomers})`),
            [
              {
                label: `days to commit ${trend.onboarding.nthCommit}`,
                values: cohorts.map((c) => c.medianDaysToNth),
              },
              { label: "days to a 2nd repository", values: cohorts.map((c) => c.medianDaysToSecondRepo) },
            ],
          )
        : null,
      h(
        "section",
        { class: `verdict ${k.verdict || "none"}`, "aria-label": "kill criteria" },
        h("h2", {}, k.team ? `Kill criteria: ${k.team}` : "Kill criteria"),
        k.start
          ? h(
              "p",
              { class: "muted" },
              `Started ${k.start}; runway to ${k.runwayEnds}; charter: ${k.charter.join(", ")}`,
            )
          : null,
        h(
          "ul",
          {},
          k.criteria.map((c) =>
            h(
              "li",
              {},
              h("strong", {}, `${c.moved === true ? "✓" : c.moved === false ? "✗" : "?"} ${c.title}: `),
              c.detail,
            ),
          ),
        ),
        h("p", { class: "statement" }, k.statement),
      ),
    ];
  }

  // ---- unnamed work ------------------------------------------------------------------------------------------
  function nameForm(cluster) {
    const status = h("p", { class: "muted", role: "status" });
    const idInput = h("input", {
      name: "id",
      required: true,
      pattern: "[a-z0-9][a-z0-9-]*",
      placeholder: "money-helpers",
      "aria-label": "concern id",
    });
    const titleInput = h("input", {
      name: "title",
      placeholder: cluster.title,
      "aria-label": "concern title",
    });
    const form = h(
      "form",
      {
        class: "name-it",
        onsubmit: async (event) => {
          event.preventDefault();
          const id = idInput.value.trim();
          const title = titleInput.value.trim();
          if (!LIVE) {
            status.textContent = `Run: lineitem promote scan.json ${cluster.id} --id ${id || "ID"}${title ? ` --title "${title}"` : ""}`;
            return;
          }
          const response = await fetch("api/promote", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ unnamed: cluster.id, id, title }),
          });
          const answer = await response.json().catch(() => ({ error: "no answer" }));
          status.textContent = response.ok
            ? `Wrote ${answer.file}: commit it and list it under concerns: in lineitem.config.yaml.`
            : `Not written: ${answer.error}`;
        },
      },
      h("label", {}, "id ", idInput),
      h("label", {}, "title ", titleInput),
      h("button", { type: "submit" }, LIVE ? "Name it" : "Show the command"),
      status,
    );
    return form;
  }

  function unnamedView(arg) {
    const clusters = DATA.scan.unnamed.filter((c) => c.members.some(matches));
    if (clusters.length === 0)
      return [h("h2", {}, "Unnamed work"), h("p", {}, "No unnamed work for this filter.")];
    const open = clusters.find((c) => c.id === arg) || null;
    return [
      h("h2", {}, "Unnamed work"),
      h(
        "p",
        { class: "muted" },
        "Code several teams share that matches no concern. Name a cluster to make it a concern of its own.",
      ),
      h(
        "ul",
        { class: "clusters" },
        clusters.map((c) =>
          h("li", {}, h("a", { href: link("unnamed", c.id) }, c.title), ` — ${c.statement}`),
        ),
      ),
      open
        ? [
            h("h2", {}, open.title),
            h(
              "table",
              { class: "grid" },
              h(
                "tbody",
                {},
                open.members
                  .filter(matches)
                  .map((m) =>
                    h(
                      "tr",
                      {},
                      h("td", {}, m.team),
                      h("td", {}, m.repo),
                      h("td", { class: "path" }, `${m.path}:${m.startLine}-${m.endLine}`),
                    ),
                  ),
              ),
            ),
            nameForm(open),
            comparePicker(
              "unnamed",
              open.id,
              open.members.map((m, i) => [`${open.id}#${i}`, `${m.team} · ${m.repo}/${m.path}`]),
              (key) => {
                const m = open.members[Number(key.split("#")[1])];
                return m ? `${m.team} · ${m.repo}/${m.path}` : key;
              },
            ),
          ]
        : null,
    ];
  }

  // ---- drawing ---------------------------------------------------------------------------------------------
  /** Counts drawings, so a test (or a person in the console) can tell the page has redrawn. */
  let renders = 0;

  function render() {
    const { view, arg } = route();
    const views = {
      overview,
      concerns: concernsView,
      concern: () => concernView(arg),
      ledger: ledgerView,
      trends: trendsView,
      unnamed: () => unnamedView(arg),
    };
    const content = (views[view] || overview)();
    const root = document.getElementById("app");
    const focused = document.activeElement?.dataset?.filter || document.activeElement?.dataset?.compare;
    root.replaceChildren(frame(content));
    document.title = `lineitem · ${VIEWS.find(([id]) => id === (view === "concern" ? "concerns" : view))?.[1] ?? "Overview"}`;
    if (focused) root.querySelector(`[data-filter="${focused}"], [data-compare="${focused}"]`)?.focus();
    renders += 1;
    root.dataset.rendered = String(renders);
  }

  async function load() {
    if (!LIVE) {
      DATA = JSON.parse(document.getElementById("lineitem-data").textContent);
      return;
    }
    const response = await fetch("api/data", { cache: "no-store" });
    if (!response.ok) throw new Error(`the dashboard's data could not be read (${response.status})`);
    DATA = await response.json();
  }

  async function start() {
    try {
      await load();
    } catch (error) {
      document
        .getElementById("app")
        .replaceChildren(h("p", { class: "error" }, String(error.message || error)));
      return;
    }
    window.addEventListener("hashchange", render);
    render();
    if (LIVE) {
      // A new scan in the index is drawn without a reload.
      setInterval(async () => {
        const response = await fetch("api/version", { cache: "no-store" }).catch(() => null);
        if (!response || !response.ok) return;
        const { version } = await response.json();
        if (version !== DATA.version) {
          await load();
          render();
        }
      }, 5000);
    }
  }

  start();
})();
