// Installs the service worker and, when a new version is ready, lets the user choose when to reload
// (#update in index.html). In an iframe with ?embed=1, also tells the host page the content height
// (see public/embed.js). A plain file, not inline, so the page runs under a strict CSP.
(() => {
  const embedded = window.parent !== window && new URLSearchParams(location.search).get("embed") === "1";

  if ("serviceWorker" in navigator && !embedded) {
    const banner = document.getElementById("update");
    const offer = (worker) => {
      banner.hidden = false;
      banner.querySelector("button").onclick = () => worker.postMessage("plan-explorer:update");
    };
    navigator.serviceWorker
      .register("sw.js")
      .then((registration) => {
        if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
        registration.addEventListener("updatefound", () => {
          const worker = registration.installing;
          worker.addEventListener("statechange", () => {
            if (worker.state === "installed" && navigator.serviceWorker.controller) offer(worker);
          });
        });
      })
      // Some browsers and sandboxed frames refuse service workers; the app still works online.
      .catch(() => {});
    let reloading = false;
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (banner.hidden || reloading) return;
      reloading = true;
      location.reload();
    });
  }

  if (embedded && "ResizeObserver" in window) {
    let last = 0;
    let shown = location.search;
    new ResizeObserver(() => {
      // A measure opened from far down the host page would show its end first: ask for its top (issue 13).
      if (location.search !== shown) {
        shown = location.search;
        if (new URLSearchParams(shown).has("measure")) window.parent.postMessage({ type: "plan-explorer:top" }, "*");
      }
      // The content's own height: scrollHeight is never less than the frame, so the frame could never shrink.
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        window.parent.postMessage({ type: "plan-explorer:resize", height }, "*");
      }
    }).observe(document.body);
  }
})();
