// Reminder preferences: adds this device's push subscription to the form.
// The form works without JavaScript (e-mail reminders); this only fills the
// hidden push fields before the form is sent.
const form = document.querySelector("form[data-reminders]");

const say = (key) => {
  const status = form.querySelector("[data-push-status]");
  if (status) status.textContent = form.getAttribute(`data-msg-${key}`) || "";
};

const keyBytes = (base64url) => {
  const padded = (base64url + "===".slice((base64url.length + 3) % 4))
    .replace(/-/g, "+")
    .replace(/_/g, "/");
  const raw = window.atob(padded);
  return Uint8Array.from(raw, (char) => char.charCodeAt(0));
};

const wantsPush = () => {
  const enabled = form.querySelector("input[name=enabled]");
  const channel = form.querySelector("input[name=channel]:checked");
  return enabled && enabled.checked && channel && channel.value === "push";
};

const fill = (subscription) => {
  const data = subscription.toJSON();
  form.querySelector("[name=push_endpoint]").value = data.endpoint;
  form.querySelector("[name=push_p256dh]").value = data.keys.p256dh;
  form.querySelector("[name=push_auth]").value = data.keys.auth;
};

const subscribe = async () => {
  await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  const registration = await navigator.serviceWorker.ready;
  const permission = await Notification.requestPermission();
  if (permission !== "granted") throw new Error("denied");
  const existing = await registration.pushManager.getSubscription();
  return (
    existing ||
    registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(form.getAttribute("data-vapid-key")),
    })
  );
};

if (form) {
  let submitter = null;
  form.addEventListener("click", (event) => {
    if (event.target.type === "submit") submitter = event.target;
  });

  form.addEventListener("submit", async (event) => {
    if (submitter && submitter.name === "remove_email") return;
    if (!wantsPush() || form.querySelector("[name=push_endpoint]").value) return;
    event.preventDefault();
    if (!("serviceWorker" in navigator) || !("PushManager" in window)) {
      say("unsupported");
      return;
    }
    say("working");
    try {
      fill(await subscribe());
      form.submit();
    } catch (error) {
      say(error && error.message === "denied" ? "denied" : "failed");
    }
  });
}
