// Sends the import form itself, to show how much of the file is sent: the server reads the
// upload as it arrives and imports it as it reads (a slow import holds the upload back), so
// the bytes sent follow the import. When the server answers, its summary (or its errors)
// replaces the form's part of the page. Without this script the form posts as any form does.
// Loaded by the import page, so it also runs when htmx swaps the page in: it listens once,
// on the document, for whichever import form is there.
(function () {
    if (window.routingImportForm) return;
    window.routingImportForm = true;

    function size(bytes) {
        if (bytes < 1e6) return Math.ceil(bytes / 1e3) + " KB";
        const mb = bytes / 1e6;
        return (mb < 10 ? mb.toFixed(1) : Math.round(mb)) + " MB";
    }

    document.addEventListener("submit", function (event) {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-upload")) return;
        const outcome = document.getElementById("import-outcome");
        const progress = document.getElementById("import-progress");
        const bar = document.getElementById("import-sent");
        const text = document.getElementById("import-sent-text");
        const announce = document.getElementById("import-announce");
        if (!outcome || !progress || !bar || !text || !announce) return;
        event.preventDefault();

        const file = form.elements.namedItem("file");
        const chosen = file && file.files && file.files[0];
        const button = form.querySelector("button[type=submit]");
        function show(sent, total) {
            bar.max = Math.max(total, 1);
            bar.value = sent;
            text.textContent = size(sent) + " of " + size(total);
        }
        function failed(message) {
            text.textContent = message;
            progress.hidden = false;
        }
        function done(message) {
            if (button) button.disabled = false;
            announce.textContent = message;
        }

        if (button) button.disabled = true;
        if (chosen) {
            show(0, chosen.size);
            progress.hidden = false;
            announce.textContent = "Importing " + chosen.name + " (" + size(chosen.size) + ")…";
        }
        const request = new XMLHttpRequest();
        request.open("POST", form.action);
        request.upload.onprogress = function (e) {
            if (e.lengthComputable && chosen) show(Math.min(e.loaded, chosen.size), chosen.size);
        };
        request.onload = function () {
            const answer = new DOMParser().parseFromString(request.responseText, "text/html").getElementById("import-outcome");
            if (!answer) {
                // Signed out: the sign-in page, as a form post would have shown it.
                if (request.status < 400) return location.assign(request.responseURL || form.action);
                // A failure midway keeps the whole batches stored before it: sending the file again completes it.
                failed(request.status >= 500
                    ? "The import stopped: the server answered " + request.status + ". Whole batches already imported stay stored; reload the page and send the same file again to complete it."
                    : "Not imported: the server answered " + request.status + ". Reload the page and send the file again.");
                return done(text.textContent);
            }
            if (chosen) show(chosen.size, chosen.size);
            outcome.replaceWith(answer);
            const said = answer.querySelector("[data-announce]");
            done(said ? said.getAttribute("data-announce") : "");
            const heading = answer.querySelector("h2[tabindex]") || answer.querySelector("[aria-invalid=true]");
            if (heading) heading.focus();
        };
        request.onerror = function () {
            failed("The upload broke off.");
            done("The upload broke off. Whole batches already imported stay stored; importing the same file again completes it.");
        };
        request.send(new FormData(form));
    });
})();
