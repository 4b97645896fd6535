/*! Host script for IRM Results Report embeds. Sizes each <iframe data-irm-embed> under this script's
 * folder from its own height messages: {type: "irm-embed:resize", version: 1, path, height} or AMP's. */
(function () {
  'use strict';
  var script = document.currentScript;
  // One script per edition: another edition's may sit beside this one.
  var base = script && script.src ? new URL('.', script.src).href : null;
  var hosts = (window.__irmEmbedHosts = window.__irmEmbedHosts || {});
  if (hosts[base]) return;
  hosts[base] = 1;

  function heightOf(data) {
    if (!data || typeof data !== 'object') return null;
    var ours = data.type === 'irm-embed:resize' && data.version === 1;
    var amp = data.sentinel === 'amp' && data.type === 'embed-size';
    var h = data.height;
    return (ours || amp) && typeof h === 'number' && h > 0 && h <= 20000 ? Math.ceil(h) : null;
  }

  // Sandboxed without allow-same-origin (tokens are case-insensitive), a frame's messages say "null".
  function expectedOrigin(frame, src) {
    var opaque = frame.hasAttribute('sandbox') && !Array.prototype.some.call(frame.sandbox, function (t) {
      return t.toLowerCase() === 'allow-same-origin';
    });
    return opaque ? 'null' : src.origin;
  }

  // Ours: an iframe whose address is under this edition's embed folder (a srcdoc frame holds none of
  // our pages); its messages come from the address's origin, or "null" when sandboxed without it.
  function originOf(frame) {
    var src;
    try {
      src = new URL(frame.src, location.href);
    } catch (e) {
      return null;
    }
    if (frame.hasAttribute('srcdoc') || (base !== null && src.href.indexOf(base + 'embed/') !== 0)) return null;
    return expectedOrigin(frame, src);
  }

  // Each of our frames is asked to measure itself (boot.js, reportHeight) when this script starts (it
  // may have missed a frame's first message) and whenever the frame's width changes here: a frame out
  // of view gets no rendering updates in Chromium, so it cannot see its own width change.
  var widths = typeof ResizeObserver === 'function' ? new ResizeObserver(function (entries) {
    for (var i = 0; i < entries.length; i++) {
      var frame = entries[i].target, width = Math.round(entries[i].contentRect.width);
      if (frame.__irmWidth === width) continue;
      frame.__irmWidth = width;
      if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'irm-embed:measure', version: 1 }, frame.__irmOrigin);
    }
  }) : null;
  function watch(frame, origin) {
    if (!widths || frame.__irmOrigin) return;
    // To a frame not yet showing our page, the message is dropped (it is not of that origin).
    frame.__irmOrigin = origin === 'null' ? '*' : origin;
    widths.observe(frame);
  }
  var present = document.querySelectorAll('iframe[data-irm-embed]');
  for (var p = 0; p < present.length; p++) {
    var origin = originOf(present[p]);
    if (origin) watch(present[p], origin);
  }

  addEventListener('message', function (event) {
    var height = heightOf(event.data);
    if (height === null) return;
    var frames = document.querySelectorAll('iframe[data-irm-embed]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin = originOf(frame);
      if (origin === null || event.origin !== origin) return;
      frame.style.height = height + 'px';
      watch(frame, origin);
      return;
    }
  });
})();
