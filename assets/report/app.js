// lineitem's report, part 5 of 5: the frame (navigation, filters), drawing each view, loading the data
// (embedded in the report file, or fetched from `lineitem serve` and refreshed when a new scan lands).
(() => {
  const L = window.lineitemReport;
  const { h, day, route, link } = L;
  const { overview, concernsView, concernView, ledgerView, trendsView, unnamedView } = L;

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
    const scan = L.data.scan;
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
    const scan = L.data.scan;
    const footer = h(
      "footer",
      {},
      `lineitem ${scan.tool.version} · scan of ${day(scan.generatedAt)}`,
      L.data.trend ? ` · trend of ${day(L.data.trend.generatedAt)}` : "",
      ` · ${L.data.source}`,
      L.live ? " · live: refreshes when a new scan lands" : "",
    );
    return h(
      "div",
      { class: "page" },
      h("header", {}, h("h1", {}, h("a", { href: link("overview", "") }, "lineitem")), nav, filters()),
      h("main", { id: "main", tabindex: "-1" }, content),
      footer,
    );
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
    if (!L.live) {
      L.data = JSON.parse(document.getElementById("lineitem-data").textContent);
      return;
    }
    const response = await fetch("api/data", { cache: "no-store" });
    if (!response.ok) throw new Error(`the dashboard's data could not be read (${response.status})`);
    L.data = await response.json();
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
    if (L.live) {
      // A new scan in the index is drawn without a reload.
      setInterval(async () => {
        const response = await fetch("api/version", { cache: "no-store" }).catch(() => null);
        if (!response?.ok) return;
        const { version } = await response.json();
        if (version !== L.data.version) {
          await load();
          render();
        }
      }, 5000);
    }
  }

  start();
})();
