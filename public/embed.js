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

  addEventListener('message', function (event) {
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
      // A srcdoc frame holds none of our pages.
      if (frame.hasAttribute('srcdoc') || (base !== null && src.href.indexOf(base + 'embed/') !== 0)) return;
      if (event.origin === expectedOrigin(frame, src)) frame.style.height = height + 'px';
      return;
    }
  });
})();
