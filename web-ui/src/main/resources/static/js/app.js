// Progressive enhancement only: every page works without it, except the charts (which have tables)
// and adding measure rows (htmx). No inline script anywhere: the Content-Security-Policy forbids it.
(function () {
    'use strict';

    // Remove a measure row of the action plan form; the server renumbers rows on submission.
    document.addEventListener('click', function (event) {
        var remove = event.target.closest('.remove-measure');
        if (remove) {
            var row = remove.closest('.measure');
            var rows = row.parentElement;
            row.remove();
            var next = rows.querySelector('.measure input');
            var add = document.querySelector('.add-measure');
            (next || add).focus();
        }
        var print = event.target.closest('button.print');
        if (print) {
            window.print();
        }
    });

    // Import: the form's POST answers only when the check or the import is done (a minute for a
    // large file); meanwhile htmx polls how far it is, and the button cannot be pressed twice.
    document.addEventListener('submit', function (event) {
        var form = event.target.closest('form[data-progress]');
        if (!form || typeof htmx === 'undefined') {
            return;
        }
        var box = document.getElementById(form.getAttribute('data-progress'));
        box.setAttribute('hx-get', box.getAttribute('data-poll'));
        box.setAttribute('hx-trigger', 'load, every 1s');
        box.hidden = false;
        htmx.process(box);
        var button = form.querySelector('button[type=submit]');
        setTimeout(function () { button.disabled = true; }, 0);
    });

    // The list's facets fold away on a phone; where there is room they are simply open (app.css
    // hides the fold there, and also shows them without this script where the browser can).
    var facets = document.querySelector('details.more-filters');
    if (facets && window.matchMedia('(min-width: 48rem)').matches) {
        facets.open = true;
    }

    // A new measure row came in: put the cursor into it.
    document.addEventListener('htmx:afterSwap', function (event) {
        if (event.detail.target && event.detail.target.id === 'measures') {
            var rows = event.detail.target.querySelectorAll('.measure');
            var last = rows[rows.length - 1];
            if (last) {
                last.querySelector('input').focus();
            }
        }
    });

    // Long names (authorities) would push the bars out of a narrow chart; the table has them in full.
    function shortLabel(value) {
        var label = this.getLabelForValue(value);
        return typeof label === 'string' && label.length > 40 ? label.slice(0, 39) + '…' : label;
    }

    // Dashboard: one bar chart per canvas[data-chart]; a click on a bar opens the list it counts.
    function drawCharts() {
        if (typeof Chart === 'undefined') {
            return;
        }
        document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
            var data = JSON.parse(canvas.getAttribute('data-chart'));
            new Chart(canvas, {
                type: 'bar',
                data: {
                    labels: data.labels,
                    datasets: [{label: data.label, data: data.values, backgroundColor: '#1d5f8a', hoverBackgroundColor: '#0b3c5d'}]
                },
                options: {
                    indexAxis: data.labels.length > 5 ? 'y' : 'x',
                    maintainAspectRatio: false,
                    animation: false,
                    plugins: {legend: {display: false}},
                    scales: {x: {ticks: {precision: 0}}, y: {ticks: {precision: 0, callback: shortLabel}}},
                    onHover: function (e, elements) {
                        e.native.target.style.cursor = elements.length ? 'pointer' : 'default';
                    },
                    onClick: function (e, elements) {
                        if (elements.length) {
                            window.location.href = data.links[elements[0].index];
                        }
                    }
                }
            });
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', drawCharts);
    } else {
        drawCharts();
    }
})();
