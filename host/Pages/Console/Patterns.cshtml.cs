using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Patterns;
using Routing.Engine.Store;
using Routing.Host.Access;

namespace Routing.Host.Pages.Console;

/// The candidate patterns a scan found, strongest first (as GET /api/patterns), filtered by
/// status and product, a page at a time: one indexed query for the page and one count, however
/// many candidates there are.
[Authorize(Policy = Policies.Patterns)]
internal sealed class PatternsModel(RoutingDb db) : PageModel
{
    public const int PageSize = 50;

    /// The status filter's value for every status; the others are PatternStatus's.
    public const string All = "all";

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Product { get; set; }
    // Not "page": Razor Pages routes by that name.
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    /// A candidate just dismissed from its page, to say so here.
    [BindProperty(SupportsGet = true)] public Guid? Dismissed { get; set; }

    public IReadOnlyList<PatternCandidate> Candidates { get; private set; } = [];
    public IReadOnlyList<string> Products { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// The list's address with these filters, on another page.
    public string Here(int page) => "/console/patterns" + QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status, ["product"] = Product, ["pageNumber"] = page == 1 ? null : page.ToString(),
    }.Where(p => p.Value is not null));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Status = Status is All || PatternStatus.All.Contains(Status) ? Status : PatternStatus.Open;
        Product = string.IsNullOrWhiteSpace(Product) ? null : Product.Trim();
        if (PageNumber < 1) return NotFound();

        var query = db.Patterns.AsNoTracking();
        if (Status != All) query = query.Where(c => c.Status == Status);
        if (Product is not null) query = query.Where(c => c.Product == Product);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Min(PageNumber, Pages); // past the last: the last
        Candidates = await query.StrongestFirst(db).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Products = await db.Patterns.AsNoTracking().Select(c => c.Product).Distinct().OrderBy(p => p).ToListAsync(ct);
        return Page();
    }
}
