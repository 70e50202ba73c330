// Autosave for answer forms: the same endpoint as the plain form post, asked
// for JSON. Without JavaScript the form's submit button does the same job.
(() => {
  const forms = document.querySelectorAll("form[data-autosave]");
  const save = async (form, status) => {
    const body = new FormData(form);
    status.textContent = form.dataset.savingText || "…";
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const result = await response.json();
      if (result.saved) {
        let revision = form.querySelector("input[name=revision]");
        if (!revision) {
          revision = document.createElement("input");
          revision.type = "hidden";
          revision.name = "revision";
          form.append(revision);
        }
        revision.value = result.revision;
        status.textContent = form.dataset.savedText || "✓";
      } else {
        status.textContent = result.error;
      }
    } catch {
      // Offline or server away: the text stays in the box; the button works.
      status.textContent = form.dataset.offlineText || "";
    }
  };
  for (const form of forms) {
    if (!form.action) continue;
    const status = document.createElement("p");
    status.className = "answer-form__status";
    status.setAttribute("role", "status");
    form.append(status);
    let timer;
    form.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => save(form, status), 1500);
    });
  }
})();
