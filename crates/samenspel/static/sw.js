// Samenspel's service worker (served at /sw.js; the server puts
// `const BUILD = {version, assets}` in front of this file).
//
// - Static files (hashed names) are kept in a cache per release.
// - The circle overviews (/circles and /circles/{id}) are kept as they are
//   visited online (network first), and shown offline with a notice saying
//   when they were last seen. Other pages offline get a small offline page.
// - Nothing else is kept: no POST answers, no API answers, no sign-in
//   pages. Signing out (a POST to /sign-out) or being sent to sign-in
//   clears the kept pages.
// - Push messages become notifications; the payload only says which circle.
"use strict";

const STATIC = `static-${BUILD.version}`;
const PAGES = "pages";
const OFFLINE = "/offline";
const OVERVIEW = /^\/circles(\/[0-9a-f-]{36})?$/;
const ICON = BUILD.assets.find((a) => a.includes("/icon-192.")) || "/static/icon.svg";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(STATIC);
      await cache.addAll([...BUILD.assets, OFFLINE]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("static-") && name !== STATIC) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "clear") event.waitUntil(caches.delete(PAGES));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    if (url.pathname === "/sign-out") event.waitUntil(caches.delete(PAGES));
    return;
  }
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
    return;
  }
  if (request.mode !== "navigate") return;
  if (OVERVIEW.test(url.pathname)) {
    event.respondWith(overview(event, url));
    return;
  }
  event.respondWith(fetch(request).catch(() => offlinePage()));
});

async function offlinePage() {
  return (await caches.match(OFFLINE)) || new Response("Offline", { status: 503 });
}

// Network first; a good answer is kept (under its path, without the query).
async function overview(event, url) {
  const key = url.origin + url.pathname;
  try {
    const response = await fetch(event.request);
    const landed = new URL(response.url).pathname;
    const html = (response.headers.get("content-type") || "").startsWith("text/html");
    if (response.status === 200 && html && OVERVIEW.test(landed)) {
      const copy = response.clone();
      event.waitUntil(
        (async () => {
          const headers = new Headers(copy.headers);
          headers.set("x-samenspel-saved", String(Date.now()));
          const body = await copy.arrayBuffer();
          await (await caches.open(PAGES)).put(key, new Response(body, { status: 200, headers }));
        })(),
      );
    } else if (response.type === "opaqueredirect" || landed.startsWith("/sign-in")) {
      // Sent elsewhere (to sign in): what was kept belongs to someone signed out.
      event.waitUntil(caches.delete(PAGES));
    }
    return response;
  } catch (e) {
    const kept = await (await caches.open(PAGES)).match(key);
    return kept ? withNotice(kept) : offlinePage();
  }
}

// The kept page with "Je bent offline — dit is wat je het laatst zag (…)" at
// the top of <main>. The sentence comes from the page itself (a meta tag,
// in the reader's language, already escaped); only the time is added here.
async function withNotice(kept) {
  const html = await kept.text();
  const lang = (html.match(/<html lang="([a-z]+)"/) || [])[1] || "nl";
  const sentence =
    (html.match(/<meta name="samenspel-offline" content="([^"]*)"/) || [])[1] ||
    "Je bent offline — dit is wat je het laatst zag ({time}).";
  const saved = new Date(Number(kept.headers.get("x-samenspel-saved")) || Date.now());
  const when = saved.toLocaleString(lang === "en" ? "en-GB" : "nl-NL", {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Amsterdam",
  });
  const notice = `<p class="notice offline-notice" role="status" id="offline-notice">${sentence.replace("{time}", when)}</p>`;
  const page = html.replace(/<main[^>]*>/, (main) => `${main}\n${notice}`);
  return new Response(page, { status: 200, headers: kept.headers });
}

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (e) {
    data = {};
  }
  // Only a path on this site may be opened from a notification.
  const url = typeof data.url === "string" && /^\/(?!\/)/.test(data.url) ? data.url : "/circles";
  event.waitUntil(
    self.registration.showNotification(data.title || "Samenspel", {
      body: data.body || "",
      icon: ICON,
      tag: data.tag || undefined,
      lang: "nl",
      data: { url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || "/circles";
  event.waitUntil(
    (async () => {
      for (const client of await self.clients.matchAll({ type: "window" })) {
        if ("navigate" in client) {
          await client.navigate(url);
          return client.focus();
        }
      }
      return self.clients.openWindow(url);
    })(),
  );
});
