// Autosave for the step form: the same endpoint as the plain form post, asked
// for JSON. Without JavaScript the form's buttons do the same job ("Done and
// next" saves everything on the page first).
//
// Nothing typed is lost: a change is saved a moment after the last key or
// tick; leaving the page (a link, closing the tab, switching apps) sends a
// pending save at once with `fetch(..., {keepalive: true})`; offline, the text
// stays on the page and is saved when the connection returns.
const DELAY = 800;

for (const form of document.querySelectorAll("form[data-autosave]")) {
  if (!form.action) continue;
  const dirty = new Set();
  let timer = null;
  let inflight = null;
  let submitting = false;

  const statusOf = (id) =>
    document.querySelector(`#block-${CSS.escape(id)} .answer-form__status`);
  const show = (ids, text) => {
    for (const id of ids) {
      const status = statusOf(id);
      if (status) status.textContent = text;
    }
  };
  const body = () => {
    const data = new FormData(form);
    data.delete("done");
    data.delete("save");
    return data;
  };
  const setRevision = (id, revision) => {
    const section = document.getElementById(`block-${id}`);
    if (!section) return;
    const name = `${id}-revision`;
    let input = section.querySelector(`input[name="${CSS.escape(name)}"]`);
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      section.append(input);
    }
    input.value = revision;
  };

  const save = async () => {
    clearTimeout(timer);
    timer = null;
    if (inflight) {
      await inflight;
      if (!dirty.size) return;
    }
    const ids = [...dirty];
    dirty.clear();
    show(ids, form.dataset.savingText || "…");
    inflight = (async () => {
      try {
        const response = await fetch(form.action, {
          method: "POST",
          body: body(),
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
        const result = await response.json();
        for (const [id, revision] of Object.entries(result.revisions || {})) {
          setRevision(id, revision);
        }
        if (result.saved) {
          for (const id of ids) {
            const status = statusOf(id);
            if (!status) continue;
            status.textContent = id in result.revisions
              ? status.dataset.savedTemplate.replace("%(time)s", result.time)
              : "";
          }
        } else {
          for (const id of ids) {
            if (result.errors && id in result.errors) {
              show([id], result.errors[id]);
            } else if (!(id in (result.revisions || {}))) {
              dirty.add(id);
            }
          }
        }
      } catch {
        // Offline or server away: the text stays in the box and is sent
        // again when the connection returns; the buttons work too.
        for (const id of ids) dirty.add(id);
        show(ids, form.dataset.offlineText || "");
      }
    })();
    await inflight;
    inflight = null;
  };

  const flush = () => {
    if (!dirty.size || submitting) return;
    clearTimeout(timer);
    dirty.clear();
    // keepalive lets the request finish after the page has gone.
    // When the page lives on (an app switch), learn the new revisions so
    // that the next save is not taken for one from an older tab.
    fetch(form.action, {
      method: "POST",
      body: body(),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      keepalive: true,
    })
      .then((response) => response.json())
      .then((result) => {
        for (const [id, revision] of Object.entries(result.revisions || {})) {
          setRevision(id, revision);
        }
      })
      .catch(() => {});
  };

  const changed = (event) => {
    const section = event.target.closest(".answer-form");
    const marker = section && section.querySelector("input[name=block_id]");
    if (!marker) return;
    dirty.add(marker.value);
    clearTimeout(timer);
    timer = setTimeout(save, DELAY);
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  window.addEventListener("pageshow", () => {
    submitting = false;
  });
  form.addEventListener("submit", (event) => {
    // The form post carries every field: no separate save is needed. But a
    // save still on its way would make this post look like one from an
    // older tab: wait for it (and its new revisions) first.
    clearTimeout(timer);
    if (inflight) {
      event.preventDefault();
      const submitter = event.submitter;
      inflight.finally(() => form.requestSubmit(submitter));
      return;
    }
    submitting = true;
    dirty.clear();
  });
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
  window.addEventListener("online", () => {
    if (dirty.size) save();
  });
}
