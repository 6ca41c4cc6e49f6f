// lineitem's HTML report and dashboard, part 1 of 5: the namespace the parts share, DOM helpers, number
// formats and the URL (#/view/arg?team=…&repo=…&a=…&b=…). The parts are inlined in order into one script.
// Everything from the scanned repositories (paths, names, code, messages) reaches the page as text nodes;
// the only HTML set from data is code highlighted by lineitem before it was embedded (escaped there).
(() => {
  const L = { data: null, live: document.documentElement.dataset.mode === "live" };
  window.lineitemReport = L;

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

  Object.assign(L, { h, code, plural, day, money, range, pct, route, link, matches });
})();
