// The progress form without a round trip: "Add another link" adds an empty link field in place. Without this
// script the same button posts the form and the page comes back with one more field, so nothing depends on it.
(function () {
    'use strict';

    var button = document.querySelector('.progress-form .add-link');
    var container = document.querySelector('.progress-form .evidence-link-inputs');
    if (!button || !container) {
        return;
    }

    var max = parseInt(button.getAttribute('data-max'), 10) || 20;
    button.setAttribute('type', 'button');
    button.removeAttribute('formaction');

    button.addEventListener('click', function () {
        var fields = container.querySelectorAll('.evidence-link');
        if (fields.length === 0 || fields.length >= max) {
            return;
        }

        var index = fields.length;
        var copy = fields[fields.length - 1].cloneNode(true);
        var input = copy.querySelector('input');
        var label = copy.querySelector('label');
        copy.querySelectorAll('.field-validation-error').forEach(function (error) { error.remove(); });

        input.id = 'evidence-link-' + index;
        input.name = 'Input.EvidenceLinks[' + index + ']';
        input.value = '';
        input.classList.remove('input-validation-error');
        input.removeAttribute('aria-describedby');
        label.htmlFor = input.id;
        // The label reads "Evidence link 3" in the page's language: only its number changes.
        label.textContent = label.textContent.replace(/\d+\s*$/, String(index + 1));

        container.appendChild(copy);
        input.focus();
        if (index + 1 >= max) {
            button.hidden = true;
        }
    });
}());
