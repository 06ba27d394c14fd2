// The installable app and push notifications. Registers the service worker
// (offline copies of the circle overviews, notifications), and on the
// account page shows "Aanzetten op dit apparaat" only where the browser can
// receive push. Every page works without this file.
"use strict";

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
}

// The VAPID public key (base64url) as the bytes pushManager.subscribe wants.
function keyBytes(base64url) {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("push-subscribe");
  if (!form || !("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return;
  const status = document.getElementById("push-status");
  form.hidden = false;
  form.addEventListener("submit", async (event) => {
    // The form is sent by form.submit() below, once it carries the subscription.
    event.preventDefault();
    status.textContent = "";
    try {
      if ((await Notification.requestPermission()) !== "granted") {
        status.textContent = status.dataset.denied;
        return;
      }
      const registration = await navigator.serviceWorker.ready;
      const key = keyBytes(form.dataset.key);
      let subscription = await registration.pushManager.getSubscription();
      // A subscription made with another server key (a reinstalled server) cannot be used.
      const old = subscription && subscription.options.applicationServerKey;
      if (old && new Uint8Array(old).join() !== key.join()) {
        await subscription.unsubscribe();
        subscription = null;
      }
      if (!subscription) {
        subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
      }
      const json = subscription.toJSON();
      form.elements.endpoint.value = json.endpoint;
      form.elements.p256dh.value = json.keys.p256dh;
      form.elements.auth.value = json.keys.auth;
      form.submit();
    } catch (e) {
      status.textContent = status.dataset.failed;
    }
  });
});
