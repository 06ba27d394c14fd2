// Passkeys: hands the server's options (in the page) to the browser when the
// person presses the button, and posts the browser's answer back with the
// form. The server checks everything; this only translates between the
// browser's binary values and the base64url the server reads and writes.
"use strict";

function bytes(base64url) {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

function base64url(buffer) {
  let raw = "";
  for (const b of new Uint8Array(buffer)) raw += String.fromCharCode(b);
  return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function withBytes(list) {
  return (list || []).map((c) => ({ ...c, id: bytes(c.id) }));
}

// The options as navigator.credentials wants them.
function publicKey(options, mode) {
  const key = { ...options.publicKey, challenge: bytes(options.publicKey.challenge) };
  if (mode === "create") {
    key.user = { ...key.user, id: bytes(key.user.id) };
    key.excludeCredentials = withBytes(key.excludeCredentials);
  } else {
    key.allowCredentials = withBytes(key.allowCredentials);
  }
  return key;
}

// The browser's answer as the server reads it.
function answer(credential, mode) {
  const r = credential.response;
  const response =
    mode === "create"
      ? {
          attestationObject: base64url(r.attestationObject),
          clientDataJSON: base64url(r.clientDataJSON),
          transports: typeof r.getTransports === "function" ? r.getTransports() : undefined,
        }
      : {
          authenticatorData: base64url(r.authenticatorData),
          clientDataJSON: base64url(r.clientDataJSON),
          signature: base64url(r.signature),
          userHandle: r.userHandle ? base64url(r.userHandle) : null,
        };
  return JSON.stringify({ id: credential.id, rawId: base64url(credential.rawId), type: credential.type, response, extensions: {} });
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("passkey-form");
  const source = document.getElementById("passkey-options");
  if (!form || !source) return;
  const button = document.getElementById("passkey-go");
  const error = document.getElementById("passkey-error");
  const show = (text) => {
    error.textContent = text;
    error.hidden = !text;
  };
  if (!window.PublicKeyCredential || !navigator.credentials) {
    show(error.dataset.unsupported);
    return;
  }
  button.disabled = false;
  const mode = form.dataset.mode;
  form.addEventListener("submit", async (event) => {
    // Sent by form.submit() below, once it carries the browser's answer.
    event.preventDefault();
    show("");
    const name = form.elements.namedItem("name");
    if (name && !name.value.trim()) {
      show(error.dataset.nameMissing);
      name.focus();
      return;
    }
    button.disabled = true;
    try {
      const options = JSON.parse(source.textContent);
      const key = publicKey(options, mode);
      const credential =
        mode === "create" ? await navigator.credentials.create({ publicKey: key }) : await navigator.credentials.get({ publicKey: key });
      if (!credential) throw new DOMException("no credential", "NotAllowedError");
      document.getElementById("passkey-response").value = answer(credential, mode);
      form.submit();
    } catch (e) {
      // Cancelled, timed out, or no passkey for this server on the device.
      show(e && e.name === "NotAllowedError" ? error.dataset.cancelled : `${error.dataset.unsupported} (${e && e.name})`);
      button.disabled = false;
    }
  });
});
