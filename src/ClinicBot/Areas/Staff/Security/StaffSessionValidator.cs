using ClinicBot.Staff.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff.Security;

/// <summary>
/// Ends staff sessions on the server side. On every request the cookie's security stamp is compared with the
/// account's (sign-out, disable, reset-2fa and remove change or delete it, so a copied cookie stops working at
/// once), and a session older than Staff:AbsoluteSessionHours is refused however active it was. Replaces
/// Identity's interval-based security stamp check.
/// </summary>
public static class StaffSessionValidator
{
    public const string SessionStartItem = "staff.session-start";

    /// <summary>Stamps the session's start once; renewals and refreshes keep the first value.</summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        if (!context.Properties.Items.ContainsKey(SessionStartItem))
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            context.Properties.Items[SessionStartItem] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }

    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var staff = services.GetRequiredService<IOptions<StaffOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        if (!StartedWithin(context.Properties, now, TimeSpan.FromHours(Math.Max(1, staff.AbsoluteSessionHours)))
            || await services.GetRequiredService<SignInManager<StaffUser>>().ValidateSecurityStampAsync(context.Principal).ConfigureAwait(false) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme).ConfigureAwait(false);
        }
    }

    private static bool StartedWithin(AuthenticationProperties properties, DateTimeOffset now, TimeSpan lifetime) =>
        properties.Items.TryGetValue(SessionStartItem, out var text)
        && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
        && now - DateTimeOffset.FromUnixTimeSeconds(seconds) < lifetime;
}
