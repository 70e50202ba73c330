// Quick exit: one tap on the button or one press of Esc leaves the page.
// The link works without JavaScript; this replaces the history entry so
// that the back button does not bring the page back, and blanks the page
// at once so nothing lingers on screen while the next page loads.
(() => {
  const link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  const leave = (event) => {
    if (event) event.preventDefault();
    document.body.hidden = true;
    document.title = "";
    if (navigator.sendBeacon && link.dataset.endSession) {
      navigator.sendBeacon(link.dataset.endSession);
    }
    // Through the identity broker's logout when it offers one, so that its
    // own session ends too (the next person on this phone must log in).
    window.location.replace(link.dataset.brokerLogout || link.href);
  };
  link.addEventListener("click", leave);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !event.defaultPrevented) leave(event);
  });
})();
