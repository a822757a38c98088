// Progressive enhancement: where the browser has a camera, a "Scan QR code" button appears beside
// the permit number field. A scanned verification URL fills the number in and submits the form.
// Without a camera, typing works as before.
// Frames are read by the browser's BarcodeDetector where it reads QR codes (Chrome on Android, for
// instance); elsewhere (Safari on iPhones, Firefox, desktop Chrome on Linux and Windows) by jsQR,
// served from the console and fetched only when the officer taps the button: 250 KB (33 KB as brotli)
// a phone need not load for typing. The page names jsQR's fingerprinted URL in this script's data-jsqr.
(function () {
  'use strict';
  var form = document.querySelector('form[data-scan]');
  if (!form || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  var input = form.querySelector('input[name="id"]');
  var area = form.querySelector('.scan');
  // Read now: document.currentScript is this script only while it first runs.
  var jsQrUrl = (document.currentScript && document.currentScript.getAttribute('data-jsqr')) || '/assets/jsQR.js';
  // jsQR's time grows with the pixels: a phone camera's full frame is cut down to this width.
  var MAX_DECODE_WIDTH = 800;
  // jsQR decodes on the page's thread: a frame every 150 ms finds a code as soon as an officer
  // notices, and leaves the page responsive on a slow phone.
  var SCRIPT_DECODE_INTERVAL_MS = 150;

  function say(text) {
    var note = document.createElement('p');
    note.className = 'hint';
    note.setAttribute('role', 'status');
    note.textContent = text;
    area.appendChild(note);
  }

  // A decoder is a function from the video element to a promise of the QR text, or null when the
  // frame holds none.
  function nativeDecoder() {
    if (!('BarcodeDetector' in window)) return Promise.resolve(null);
    return window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      if (formats.indexOf('qr_code') < 0) return null;
      var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      var decode = function (video) {
        return detector.detect(video).then(function (codes) { return codes.length > 0 ? codes[0].rawValue : null; });
      };
      decode.next = function (step) { window.requestAnimationFrame(step); };
      return decode;
    }, function () { return null; });
  }

  function loadJsQr() {
    if (window.jsQR) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = jsQrUrl;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error('the QR decoder could not be loaded')); };
      document.head.appendChild(script);
    });
  }

  function scriptDecoder() {
    return loadJsQr().then(function () {
      var canvas = document.createElement('canvas');
      var context = canvas.getContext('2d', { willReadFrequently: true });
      var decode = function (video) {
        if (!video.videoWidth || !video.videoHeight) return Promise.resolve(null);
        var scale = Math.min(1, MAX_DECODE_WIDTH / video.videoWidth);
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        var frame = context.getImageData(0, 0, canvas.width, canvas.height);
        var code = window.jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
        return Promise.resolve(code ? code.data : null);
      };
      decode.next = function (step) { window.setTimeout(step, SCRIPT_DECODE_INTERVAL_MS); };
      return decode;
    });
  }

  function decoder() {
    return nativeDecoder().then(function (native) { return native || scriptDecoder(); });
  }

  function permitNumberOf(text) {
    try { return new URL(text).searchParams.get('id') || text; } catch (e) { return text; /* a bare permit number */ }
  }

  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.textContent = 'Scan QR code';
  area.appendChild(button);
  button.addEventListener('click', function () {
    button.disabled = true;
    var video = document.createElement('video');
    video.setAttribute('playsinline', '');
    video.muted = true;
    video.setAttribute('aria-label', 'Camera preview for scanning the QR code');
    var cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'secondary';
    cancel.textContent = 'Stop scanning';
    area.appendChild(video);
    area.appendChild(cancel);
    var stopped = false;
    var stream = null;
    var stop = function () {
      stopped = true;
      if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
      video.remove();
      cancel.remove();
      button.disabled = false;
    };
    cancel.addEventListener('click', stop);
    var camera = navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    Promise.all([camera, decoder()]).then(function (ready) {
      stream = ready[0];
      var decode = ready[1];
      if (stopped) { stop(); return; }
      video.srcObject = stream;
      video.play();
      var tick = function () {
        if (stopped) return;
        decode(video).then(function (text) {
          if (stopped) return;
          if (!text) { decode.next(tick); return; }
          stop();
          input.value = permitNumberOf(text);
          form.submit();
        }, function () { if (!stopped) decode.next(tick); });
      };
      tick();
    }, function (error) {
      camera.then(function (s) { s.getTracks().forEach(function (t) { t.stop(); }); }, function () { });
      // The officer stopped before the camera or decoder answered: their failure is no news.
      var officerStopped = stopped;
      stop();
      if (officerStopped) return;
      say(error && error.name && error.name !== 'Error'
        ? 'The camera is not available (' + error.name + '); type the permit number instead.'
        : 'Scanning is not available here (' + (error && error.message) + '); type the permit number instead.');
    });
  });
})();
