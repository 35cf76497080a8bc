// Draws each lifecycle on the overview from its Graphviz text, with Viz.js (Graphviz compiled
// to WebAssembly, built into wwwroot/lib from npm). Loaded by the page itself so that it also
// runs when htmx swaps the overview in.
(function () {
    const figures = document.querySelectorAll("figure.lifecycle-drawing");
    if (figures.length === 0) return;

    function draw() {
        Viz.instance().then(function (viz) {
            figures.forEach(function (figure) {
                const section = figure.closest("section");
                const source = section && section.querySelector(".lifecycle-dot");
                const caption = figure.querySelector("figcaption");
                if (!source || !caption) return;
                // On a phone, top to bottom: drawn left to right, a lifecycle shrinks to an
                // unreadable strip at 390 px.
                const narrow = window.matchMedia("(max-width: 40rem)").matches;
                const dot = narrow ? source.textContent.replace("rankdir=LR", "rankdir=TB") : source.textContent;
                let svg;
                try {
                    svg = viz.renderSVGElement(dot);
                } catch (e) {
                    // One drawing Graphviz cannot read must not keep the others from being drawn;
                    // its table and text still say it all.
                    console.error("lifecycle drawing", e);
                    return;
                }
                svg.setAttribute("role", "img");
                svg.setAttribute("aria-labelledby", caption.id);
                // The drawing scales to the page; its viewBox keeps the proportions.
                svg.removeAttribute("width");
                svg.removeAttribute("height");
                figure.prepend(svg);
                figure.hidden = false;
            });
        });
    }

    if (window.Viz) return draw();
    const viz = document.createElement("script");
    viz.src = "/lib/viz-global.js";
    viz.onload = draw;
    document.head.append(viz);
})();
