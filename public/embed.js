/*! Host script for embeds of the IRM Results Report (interactive edition); no dependencies. Sizes each
 * <iframe data-irm-embed> on this script's site from that iframe's height messages only:
 * {type: "irm-embed:resize", version: 1, path, height} or AMP's {sentinel: "amp", type: "embed-size", height}. */
(function () {
  'use strict';
  if (window.__irmEmbedHost) return;
  window.__irmEmbedHost = true;

  var MAX_HEIGHT = 20000;
  var script = document.currentScript;
  var site = script && script.src ? new URL(script.src, location.href).origin : null;

  function heightOf(data) {
    if (!data || typeof data !== 'object') return null;
    var ours = data.type === 'irm-embed:resize' && data.version === 1;
    var amp = data.sentinel === 'amp' && data.type === 'embed-size';
    if (!ours && !amp) return null;
    var height = data.height;
    return typeof height === 'number' && isFinite(height) && height > 0 && height <= MAX_HEIGHT ? Math.ceil(height) : null;
  }

  // A frame sandboxed without allow-same-origin has an opaque origin: its messages say "null".
  function expectedOrigin(frame, src) {
    var sandbox = frame.getAttribute('sandbox');
    return sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/.test(sandbox) ? 'null' : src.origin;
  }

  window.addEventListener('message', function (event) {
    var height = heightOf(event.data);
    if (height === null) return;
    var frames = document.querySelectorAll('iframe[data-irm-embed]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var src;
      try {
        src = new URL(frame.src, location.href);
      } catch (e) {
        return;
      }
      if (site !== null && src.origin !== site) return;
      if (event.origin !== expectedOrigin(frame, src)) return;
      frame.style.height = height + 'px';
      return;
    }
  });
})();
