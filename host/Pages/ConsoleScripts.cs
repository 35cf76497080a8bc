namespace Routing.Host.Pages;

/// Which of the console's npm scripts the build copied into wwwroot/lib (none when npm was
/// missing), looked up once rather than on every page.
internal sealed class ConsoleScripts(IWebHostEnvironment env)
{
    public bool Htmx { get; } = env.WebRootFileProvider.GetFileInfo("lib/htmx.min.js").Exists;
    /// The rules editor (CodeMirror, bundled by esbuild from rules-editor/).
    public bool RulesEditor { get; } = env.WebRootFileProvider.GetFileInfo("lib/rules-editor.js").Exists;
    public bool Viz { get; } = env.WebRootFileProvider.GetFileInfo("lib/viz-global.js").Exists;
}
