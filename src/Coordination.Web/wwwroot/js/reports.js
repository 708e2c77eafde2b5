// "Print / Save as PDF" on the report pages. The button is hidden in the HTML because it needs this script; the
// browser's own print (Ctrl+P) gives the same print layout without it.
(function () {
    'use strict';

    document.querySelectorAll('.js-print').forEach(function (button) {
        button.hidden = false;
        button.addEventListener('click', function () {
            window.print();
        });
    });
})();
