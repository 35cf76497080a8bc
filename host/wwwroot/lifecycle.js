// Draws the work-item lifecycle on the overview from its Graphviz text, with Viz.js
// (Graphviz compiled to WebAssembly, built into wwwroot/lib from npm). Loaded by the page
// itself so that it also runs when htmx swaps the overview in.
(function () {
    const source = document.getElementById("lifecycle-dot");
    const figure = document.getElementById("lifecycle-drawing");
    if (!source || !figure) return;

    function draw() {
        Viz.instance().then(function (viz) {
            const svg = viz.renderSVGElement(source.textContent);
            svg.setAttribute("role", "img");
            svg.setAttribute("aria-labelledby", "lifecycle-caption");
            // The drawing scales to the page; its viewBox keeps the proportions.
            svg.removeAttribute("width");
            svg.removeAttribute("height");
            figure.prepend(svg);
            figure.hidden = false;
        });
    }

    if (window.Viz) return draw();
    const viz = document.createElement("script");
    viz.src = "/lib/viz-global.js";
    viz.onload = draw;
    document.head.append(viz);
})();
