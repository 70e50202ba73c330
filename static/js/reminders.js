/* Reminder preferences: adds this device's push subscription to the form.
 * The form works without JavaScript (e-mail reminders); this only fills the
 * hidden push fields before the form is sent. */
(function () {
  "use strict";

  var form = document.querySelector("form[data-reminders]");
  if (!form) {
    return;
  }
  var status = form.querySelector("[data-push-status]");

  function say(key) {
    if (status) {
      status.textContent = form.getAttribute("data-msg-" + key) || "";
    }
  }

  function keyBytes(base64url) {
    var padded = (base64url + "===".slice((base64url.length + 3) % 4))
      .replace(/-/g, "+")
      .replace(/_/g, "/");
    var raw = window.atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) {
      bytes[i] = raw.charCodeAt(i);
    }
    return bytes;
  }

  function wantsPush() {
    var enabled = form.querySelector("input[name=enabled]");
    var channel = form.querySelector("input[name=channel]:checked");
    return enabled && enabled.checked && channel && channel.value === "push";
  }

  function fill(subscription) {
    var data = subscription.toJSON();
    form.querySelector("[name=push_endpoint]").value = data.endpoint;
    form.querySelector("[name=push_p256dh]").value = data.keys.p256dh;
    form.querySelector("[name=push_auth]").value = data.keys.auth;
  }

  function subscribe() {
    return navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        return Notification.requestPermission().then(function (permission) {
          if (permission !== "granted") {
            throw new Error("denied");
          }
          return registration.pushManager
            .getSubscription()
            .then(function (existing) {
              return (
                existing ||
                registration.pushManager.subscribe({
                  userVisibleOnly: true,
                  applicationServerKey: keyBytes(
                    form.getAttribute("data-vapid-key")
                  ),
                })
              );
            });
        });
      });
  }

  var submitter = null;
  form.addEventListener("click", function (event) {
    if (event.target.type === "submit") {
      submitter = event.target;
    }
  });

  form.addEventListener("submit", function (event) {
    if (submitter && submitter.name === "remove_email") {
      return;
    }
    if (!wantsPush() || form.querySelector("[name=push_endpoint]").value) {
      return;
    }
    event.preventDefault();
    if (!("serviceWorker" in navigator) || !("PushManager" in window)) {
      say("unsupported");
      return;
    }
    say("working");
    subscribe()
      .then(function (subscription) {
        fill(subscription);
        form.submit();
      })
      .catch(function (error) {
        say(error && error.message === "denied" ? "denied" : "failed");
      });
  });
})();
