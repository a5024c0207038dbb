/*
 * Mounts the XiqingSearch UI into a portal page:
 *   <div id="search"></div>
 *   <script src="https://host/embed.js" data-target="#search"></script>
 * The API origin is where this script came from; the UI lives in a Shadow DOM so the portal's CSS and ours
 * stay apart. The portal's origin must be one of the server's embed origins (--embed-origin, Xiqing:EmbedOrigins).
 * This file stays a classic script (a portal includes it with a plain <script src>); it loads app.js as an ES
 * module, which the server lets any origin load (the page's files are public), so a portal whose origin is not
 * allowed still gets the UI, and the UI says what is wrong.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var base = new URL('.', script.src).href;
  var selector = script.getAttribute('data-target') || '#search';

  // window.XiqingSearch may be a portal element with id="XiqingSearch" (browsers expose ids as window
  // properties): only an object with our mount function is the UI.
  function ui() {
    var candidate = window.XiqingSearch;
    return candidate && typeof candidate.mount === 'function' ? candidate : null;
  }

  function mount() {
    var target = document.querySelector(selector);
    if (!target) {
      console.error('XiqingSearch: no element matches data-target "' + selector + '"');
      return;
    }
    var api = ui();
    if (!api) {
      console.error('XiqingSearch: app.js did not load');
      return;
    }
    // data-token names a function of the portal that returns its bearer token for the service (or a promise
    // of it), when the service signs callers in (oidc mode): the API calls carry it.
    var tokenName = script.getAttribute('data-token');
    var token = tokenName ? function () { return window[tokenName](); } : undefined;
    api.mount(target, { base: base, embedded: true, token: token });
  }

  function start() {
    if (ui()) {
      mount();
      return;
    }
    var app = document.createElement('script');
    app.type = 'module';
    app.src = base + 'app.js';
    app.async = true;
    app.addEventListener('load', mount);
    app.addEventListener('error', function () {
      console.error('XiqingSearch: cannot load ' + app.src);
    });
    document.head.appendChild(app);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
