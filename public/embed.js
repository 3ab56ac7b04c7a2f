// Optional script for a page that embeds plan-explorer in an iframe: resizes the iframe to its
// content, so the embedded view needs no inner scroll bar, and brings the frame's top into view when a
// measure opens in it from further down. Usage (docs/EMBED.md):
//   <iframe src="https://…/plan-explorer/?embed=1&plan=taito-dx2026" title="台東区DX推進計画の施策" data-plan-explorer></iframe>
//   <script src="https://…/plan-explorer/embed.js"></script>
// Only messages from the iframe's own origin and window are believed.
(() => {
  const frames = () => [...document.querySelectorAll("iframe[data-plan-explorer]")];
  window.addEventListener("message", (event) => {
    const data = event.data;
    const top = data && data.type === "plan-explorer:top";
    if (!data || (!top && (data.type !== "plan-explorer:resize" || !Number.isFinite(data.height)))) return;
    for (const frame of frames()) {
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== event.origin) return;
      if (top) {
        if (frame.getBoundingClientRect().top < 0) frame.scrollIntoView({ block: "start" });
        return;
      }
      // The height is the frame's inside: a page's border-box reset would take its border and padding off.
      frame.style.boxSizing = "content-box";
      frame.style.height = `${Math.min(Math.max(data.height, 100), 20000)}px`;
    }
  });
})();
