// Progressive enhancement: where the browser has a camera and the BarcodeDetector API (Chrome
// on Android, for instance), a "Scan QR code" button appears beside the permit number field.
// A scanned verification URL fills the number in and submits the form. Without it, typing works.
(function () {
  'use strict';
  var form = document.querySelector('form[data-scan]');
  if (!form || !('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  var input = form.querySelector('input[name="id"]');
  var area = form.querySelector('.scan');
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.textContent = 'Scan QR code';
  area.appendChild(button);
  button.addEventListener('click', function () {
    var video = document.createElement('video');
    video.setAttribute('playsinline', '');
    video.setAttribute('aria-label', 'Camera preview for scanning the QR code');
    area.appendChild(video);
    var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
      video.srcObject = stream;
      video.play();
      var stop = function () { stream.getTracks().forEach(function (t) { t.stop(); }); video.remove(); };
      var tick = function () {
        detector.detect(video).then(function (codes) {
          if (codes.length === 0) { window.requestAnimationFrame(tick); return; }
          stop();
          var text = codes[0].rawValue;
          var id = text;
          try { id = new URL(text).searchParams.get('id') || text; } catch (e) { /* a bare permit number */ }
          input.value = id;
          form.submit();
        }, function () { window.requestAnimationFrame(tick); });
      };
      tick();
    }, function (error) {
      var note = document.createElement('p');
      note.className = 'hint';
      note.setAttribute('role', 'status');
      note.textContent = 'The camera is not available (' + error.name + '); type the permit number instead.';
      area.appendChild(note);
      video.remove();
    });
  });
})();
