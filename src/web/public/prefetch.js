// The first view's data, asked for while the page's code is still loading (api.tsx takes the answers from
// here): on a large ledger the claims, their counts or the briefing are what the first view waits for, and
// the code takes as long to arrive and start as the server takes to answer. Only the addresses the page
// opens on without filters; anything else is asked for by the page itself.
(function () {
  var hash = location.hash || "#/";
  var token = "";
  var lang = "en";
  try {
    token = localStorage.getItem("sitrep.token") || "";
    var saved = localStorage.getItem("sitrep.lang");
    lang = saved === "nl" || saved === "en" ? saved : navigator.language.toLowerCase().indexOf("nl") === 0 ? "nl" : "en";
  } catch (e) {
    return;
  }
  // (each address exactly as the page asks for it, or the answer is fetched twice and never used)
  var urls =
    hash === "#/" || hash === "#"
      ? ["/api/brief?lang=" + lang + "&wait=false&lines=4", "/api/claims?limit=20&sort=-published"]
      : hash === "#/claims"
        ? ["/api/claims?limit=100", "/api/claims/facets"]
        : hash === "#/map"
          ? ["/api/places"]
          : [];
  var early = (window.__sitrepEarly = {});
  urls.forEach(function (u) {
    var headers = { accept: "application/json" };
    if (token) headers.authorization = "Bearer " + token;
    early[u] = fetch(u, { headers: headers });
  });
})();
