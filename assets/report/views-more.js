// lineitem's report, part 4 of 5: trends and the kill criteria, and unnamed work with a form to name it.
(() => {
  const L = window.lineitemReport;
  const { h, pct, route, link, matches } = L;
  const { chart, comparePicker } = L;
  function trendsView() {
    const trend = L.data.trend;
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
          if (!L.live) {
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
      h("button", { type: "submit" }, L.live ? "Name it" : "Show the command"),
      status,
    );
    return form;
  }

  function unnamedView(arg) {
    const clusters = L.data.scan.unnamed.filter((c) => c.members.some(matches));
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

  Object.assign(L, { trendsView, unnamedView });
})();
