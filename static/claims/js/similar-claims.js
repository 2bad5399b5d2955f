// While an editor types a statement, list existing claims worded alike, each with boxes to
// link the claim being edited to it (the form's fields in claims/admin/claim_page.py
// SIMILAR_LINKS). No inline script: loaded from the admin's Media,
// in the page's head, so it waits for the form to exist.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  const statement = document.getElementById("id_statement");
  if (!statement) return;
  const form = statement.closest("form");
  const panel = document.createElement("div");
  panel.className = "similar-claims";
  panel.setAttribute("aria-live", "polite");
  statement.closest(".form-row, .fieldBox, div").after(panel);
  // The claims' admin root, from the add page (…/claim/add/) or a change page
  // (…/claim/5/change/) alike, whatever the admin's own address.
  const url =
    form.dataset.similarUrl || window.location.pathname.replace(/\/claim\/.*$/, "/claim/similar/");
  const selfId = (window.location.pathname.match(/\/(\d+)\/change\/$/) || [])[1] || "";
  let timer = null;
  const LINKS = [
    ["duplicate_of", "Duplicate of"],
    ["counter_claim_of", "Counter-claim of"],
    ["supports_claim", "Supports"],
  ];
  // Boxes ticked before a refused save come back ticked (change_form.html echoes them; no
  // inline script, not even JSON, under the site's CSP).
  const echoed = document.getElementById("similar-links-ticked");
  const ticked = echoed ? JSON.parse(echoed.dataset.ticked) : {};

  function render(claims) {
    panel.replaceChildren();
    if (!claims.length) return;
    const heading = document.createElement("p");
    heading.textContent = "Claims already logged that read alike:";
    const list = document.createElement("ul");
    for (const claim of claims) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = claim.admin_url;
      link.target = "_blank";
      link.textContent = claim.statement;
      item.append(link, ` (${claim.state}, ${Math.round(claim.similarity * 100)}% alike): `);
      for (const [name, text] of LINKS) {
        const label = document.createElement("label");
        const box = document.createElement("input");
        box.type = "checkbox";
        box.name = name;
        box.value = claim.id;
        box.checked = (ticked[name] || []).includes(String(claim.id));
        label.append(box, ` ${text}`);
        item.append(" ", label);
      }
      list.append(item);
    }
    panel.append(heading, list);
  }

  function lookUp() {
    const text = statement.value.trim();
    if (text.length < 8) return render([]);
    const query = new URLSearchParams({ statement: text, exclude: selfId });
    fetch(`${url}?${query}`, { credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : { claims: [] }))
      .then((data) => render(data.claims))
      .catch(() => render([]));
  }

  statement.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 300);
  });
  if (statement.value) lookUp();
});
