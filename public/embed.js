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

  // Ours: an iframe whose address is under this edition's embed folder, not a srcdoc frame. Its messages
  // come from that address's origin, or "null" if sandboxed without allow-same-origin (any case).
  function originOf(frame) {
    var src;
    try {
      src = new URL(frame.src, location.href);
    } catch (e) {
      return null;
    }
    if (frame.hasAttribute('srcdoc') || (base !== null && src.href.indexOf(base + 'embed/') !== 0)) return null;
    return frame.hasAttribute('sandbox') && !/(^|\s)allow-same-origin(\s|$)/i.test(frame.getAttribute('sandbox')) ? 'null' : src.origin;
  }

  // A frame is asked to measure itself (boot.js) when this script starts (it may have missed the first
  // report) and when its width changes: Chromium gives a frame out of view no rendering updates.
  var widths = window.ResizeObserver && new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var frame = entry.target, width = Math.round(entry.contentRect.width);
      if (frame.__irmW === width) return;
      frame.__irmW = width;
      if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'irm-embed:measure', version: 1 }, frame.__irmTo);
    });
  });
  function watch(frame, origin) {
    if (!widths || frame.__irmTo) return;
    frame.__irmTo = origin === 'null' ? '*' : origin;
    widths.observe(frame);
  }
  [].forEach.call(document.querySelectorAll('iframe[data-irm-embed]'), function (frame) {
    var origin = originOf(frame);
    if (origin) watch(frame, origin);
  });

  addEventListener('message', function (event) {
    var height = heightOf(event.data);
    if (height === null) return;
    var frames = document.querySelectorAll('iframe[data-irm-embed]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== event.source) continue;
      if (event.origin === originOf(frames[i])) {
        frames[i].style.height = height + 'px';
        watch(frames[i], event.origin);
      }
      return;
    }
  });
})();
