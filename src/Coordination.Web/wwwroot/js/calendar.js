// "Copy the address" on the calendar page. The button is hidden in the markup and shown only where the browser can
// write to the clipboard; without it the readonly field is still there to select and copy by hand.
(function () {
    'use strict';

    var button = document.querySelector('.calendar-feed .copy-address');
    var field = document.getElementById('calendar-url');
    var status = document.querySelector('.calendar-feed .copy-status');
    if (!button || !field || !status || !navigator.clipboard || !window.isSecureContext) {
        return;
    }

    button.hidden = false;
    button.addEventListener('click', function () {
        navigator.clipboard.writeText(field.value).then(function () {
            status.textContent = button.getAttribute('data-copied');
        }, function () {
            field.select();
            status.textContent = button.getAttribute('data-failed');
        });
    });
})();
