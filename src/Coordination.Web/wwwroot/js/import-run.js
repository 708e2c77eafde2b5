// A background import's page: moves the progress bar every 2 s and shows the report once the run is finished by
// loading the page again. Without this script the page's "Refresh" link does the same by hand.
(function () {
    'use strict';

    var panel = document.querySelector('[data-import-status]');
    if (!panel) {
        return;
    }

    var url = panel.getAttribute('data-import-status');
    var countText = panel.getAttribute('data-count-text') || '{0} / {1}';
    var bar = panel.querySelector('progress');
    var count = panel.querySelector('.import-count');
    var format = new Intl.NumberFormat(document.documentElement.lang || undefined);

    function show(status) {
        bar.max = Math.max(status.rowsTotal, 1);
        bar.value = status.rowsDone;
        bar.textContent = status.rowsDone + ' / ' + status.rowsTotal;
        count.textContent = countText.replace('{0}', format.format(status.rowsDone)).replace('{1}', format.format(status.rowsTotal));
    }

    function poll() {
        fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.json();
            })
            .then(function (status) {
                if (status.finished) {
                    window.location.reload();
                    return;
                }
                show(status);
                window.setTimeout(poll, 2000);
            })
            .catch(function () {
                // Signed out or the server restarting: try again, as a person pressing "Refresh" would.
                window.setTimeout(poll, 2000);
            });
    }

    window.setTimeout(poll, 2000);
}());
