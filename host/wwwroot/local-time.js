// Shows the console's times in the reader's own time zone and language: the server writes each
// as readable UTC inside <time datetime="ISO" data-local>; this rewrites the text and keeps the
// UTC text as its title. Loaded by the pages that show times, so it also runs when htmx swaps
// one of them in; a time already rewritten is left alone.
(function () {
    const format = new Intl.DateTimeFormat(undefined, {
        day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short",
    });
    document.querySelectorAll("time[data-local]").forEach(function (time) {
        const at = new Date(time.dateTime);
        if (isNaN(at)) return;
        time.title = time.textContent;
        time.textContent = format.format(at);
        time.removeAttribute("data-local");
    });
})();
