// Copy buttons: shown only when the browser can copy (progressive
// enhancement); without JavaScript the link and message can be selected.
const done = document.documentElement.lang.startsWith("sv")
  ? "Kopierat"
  : document.documentElement.lang.startsWith("en")
    ? "Copied"
    : "Kopioitu";

for (const button of document.querySelectorAll("[data-copy]")) {
  if (!navigator.clipboard) continue;
  const target = document.getElementById(button.dataset.copy);
  const status = document.querySelector(`[data-copied="${button.dataset.copy}"]`);
  button.hidden = false;
  button.addEventListener("click", async () => {
    const text = "value" in target && target.value ? target.value : target.href;
    await navigator.clipboard.writeText(text);
    if (status) status.textContent = done;
  });
}
