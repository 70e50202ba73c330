/* Polku's service worker: shows reminders sent by web push. It caches
 * nothing, so personal pages never outlive the session on a shared device.
 * Served from /sw.js so that its scope is the whole site. */
"use strict";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("push", function (event) {
  var message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch (error) {
    message = {};
  }
  var title = message.title || "Polku";
  var options = {
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

self.addEventListener("notificationclick", function (event) {
  var data = event.notification.data || {};
  event.notification.close();
  if (event.action === "stop" && data.stopUrl) {
    // One tap: the signed link stops exactly these reminders (RFC 8058 body).
    event.waitUntil(
      fetch(data.stopUrl, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
        credentials: "omit",
      })
    );
    return;
  }
  event.waitUntil(self.clients.openWindow(data.url || "/"));
});
