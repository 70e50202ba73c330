// Polku's service worker: shows reminders sent by web push. It caches
// nothing, so personal pages never outlive the session on a shared device.
// Served from /sw.js so that its scope is the whole site.
//
// A classic script, not an ES module: it imports nothing, and a module worker
// (`register(url, {type: "module"})`) fails to install in browsers without
// module service workers (Firefox was the last to add them), whose users would
// then get no reminders at all.
"use strict";

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("push", (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = {};
  }
  const title = message.title || "Polku";
  const options = {
    body: message.body || "",
    // The same tag replaces instead of stacking: a reminder that arrives
    // twice (a re-send after a crash) is shown once.
    tag: message.tag || "polku-reminder",
    lang: message.lang || "fi",
    icon: "/static/img/icon-192.png",
    data: { url: message.url || "/", stopUrl: message.stop_url || "" },
    actions: message.stop_url
      ? [{ action: "stop", title: message.stop_label || "Stop" }]
      : [],
  };
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener("notificationclick", (event) => {
  const data = event.notification.data || {};
  event.notification.close();
  if (event.action === "stop" && data.stopUrl) {
    // One tap: the signed link stops exactly these reminders (RFC 8058 body).
    event.waitUntil(
      fetch(data.stopUrl, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
        credentials: "omit",
      }),
    );
    return;
  }
  event.waitUntil(self.clients.openWindow(data.url || "/"));
});
