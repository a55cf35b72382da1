using System.Reflection;
using ClinicBot.Staff.Data;
using ClinicBot.Staff.Security;

namespace ClinicBot.Staff;

public static class StaffApplicationBuilderExtensions
{
    private const string StylesheetResource = "ClinicBot.Staff.Assets.staff.css";

    /// <summary>Creates the staff tables, then adds HSTS (Production), staff security headers, authentication and authorization.</summary>
    public static WebApplication UseClinicStaff(this WebApplication app)
    {
        app.Services.GetRequiredService<StaffSchema>().EnsureCreated();

        if (app.Environment.IsProduction())
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(StaffSecurityHeaders.PathPrefix, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.OnStarting(() =>
                {
                    StaffSecurityHeaders.Apply(context.Response);
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });

        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The /staff Razor Pages and their stylesheet.</summary>
    public static WebApplication MapClinicStaff(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapGet("/staff/assets/staff.css", () =>
        {
            var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(StylesheetResource)
                ?? throw new InvalidOperationException($"Embedded resource {StylesheetResource} is missing.");
            return Results.Stream(stream, "text/css; charset=utf-8");
        }).AllowAnonymous();
        return app;
    }
}
