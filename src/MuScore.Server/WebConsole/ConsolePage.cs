using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace MuScore.Server.WebConsole;

/// <summary>
/// Every console page: finds the signed-in person (or sends them to sign in), then checks the
/// page's rule in <see cref="ConsoleAccess"/> before anything is read. A page answers 403 with
/// the scopes that would open it; its content is never rendered for a refused person.
/// </summary>
public abstract class ConsolePage : ComponentBase
{
    /// <summary>The request being rendered (static server rendering always has one).</summary>
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    [Inject]
    private ConsoleSession Session { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The page's words in the chosen language.</summary>
    private protected ConsoleText Text => ConsoleText.For(HttpContext);

    /// <summary>The signed-in person; null before the checks or when refused.</summary>
    private protected ConsoleUser? User { get; private set; }

    /// <summary>The scopes that would open this page, when it was refused for want of them.</summary>
    private protected IReadOnlyList<string>? DeniedScopes { get; private set; }

    /// <summary>The region refused, when the page names one outside the person's prefixes.</summary>
    private protected string? DeniedRegion { get; private set; }

    /// <summary>True when the page may render its content.</summary>
    private protected bool Allowed => User is not null && DeniedScopes is null && DeniedRegion is null;

    /// <summary>The page's name in <see cref="ConsoleAccess"/>.</summary>
    private protected abstract string Access { get; }

    /// <summary>The request, which static rendering always has.</summary>
    private protected HttpContext Http => HttpContext ?? throw new InvalidOperationException("console pages are rendered on the server only");

    protected override async Task OnInitializedAsync()
    {
        User = await Session.CurrentAsync(Http).ConfigureAwait(true);
        if (User is null)
        {
            Navigation.NavigateTo("/console/sign-in?back=" + Uri.EscapeDataString(Http.Request.Path + Http.Request.QueryString), forceLoad: true);
            return;
        }

        if (!ConsoleAccess.Allows(User.Caller, Access))
        {
            DeniedScopes = ConsoleAccess.ScopesOf(Access);
            Http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        try
        {
            await LoadAsync().ConfigureAwait(true);
        }
        catch (RegionRefusedException refused)
        {
            DeniedRegion = refused.Region;
            Http.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }

    /// <summary>Reads what the page shows, after the checks passed.</summary>
    private protected virtual Task LoadAsync() => Task.CompletedTask;
}
