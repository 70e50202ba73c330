// Quick exit, like GOV.UK's "Exit this page": the button (a plain link that
// works without JavaScript), or Shift pressed three times in a row. Shift
// alone types nothing, and any other key in between starts the count again,
// so typing capitals in an answer never leaves the page; Esc does nothing
// here (it closes pickers and clears fields while typing).
//
// Leaving replaces the history entry, blanks the page at once, ends the
// session with a beacon, and leaves a mark in this tab's sessionStorage: if
// Back brings a portal page up again, it leaves straight away too. Browsers
// let no page remove the entries before it; this is as far as they allow.
// A classic script loaded without `defer`, not an ES module: modules always
// run after the page is parsed, and the Back check must run before anything
// shows. The block keeps its names out of the global scope.
{
  const MARK = "polku-left";
  const PRESSES = 3;
  const WITHIN_MS = 2000;

  const cameBack = (persisted) => {
    const target = sessionStorage.getItem(MARK);
    if (!target) return false;
    const [entry] = performance.getEntriesByType("navigation");
    if (persisted || (entry && entry.type === "back_forward")) {
      document.documentElement.hidden = true;
      window.location.replace(target);
      return true;
    }
    sessionStorage.removeItem(MARK); // came back on purpose (a typed address)
    return false;
  };
  let leaving = false;
  try {
    leaving = cameBack(false);
    if (!leaving) {
      window.addEventListener("pageshow", (event) => {
        if (event.persisted) cameBack(true);
      });
    }
  } catch {
    // sessionStorage can be off (private modes): the exit still works.
  }

  document.addEventListener("DOMContentLoaded", () => {
    if (leaving) return;
    const link = document.querySelector("[data-quick-exit]");
    if (!link) return;
    const leave = (event) => {
      if (event) event.preventDefault();
      document.body.hidden = true;
      document.title = "";
      try {
        sessionStorage.setItem(MARK, link.href);
      } catch {
        // see above
      }
      if (navigator.sendBeacon && link.dataset.endSession) {
        navigator.sendBeacon(link.dataset.endSession);
      }
      // Through the identity broker's logout when it offers one, so that its
      // own session ends too (the next person on this phone must log in).
      window.location.replace(link.dataset.brokerLogout || link.href);
    };
    link.addEventListener("click", leave);

    let presses = [];
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Shift") {
        presses = [];
        return;
      }
      if (event.repeat) return;
      const now = Date.now();
      presses = presses.filter((at) => now - at < WITHIN_MS);
      presses.push(now);
      if (presses.length >= PRESSES) {
        presses = [];
        leave();
      }
    });
  });
}
