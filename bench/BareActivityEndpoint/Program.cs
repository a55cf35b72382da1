using Microsoft.Bot.Schema;
using Newtonsoft.Json;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var serializer = JsonSerializer.Create(new JsonSerializerSettings { MaxDepth = 64, NullValueHandling = NullValueHandling.Ignore });

app.MapPost("/api/messages", async (HttpContext context) =>
{
    // Buffer the body first (JsonTextReader reads synchronously; Kestrel forbids sync reads of the socket).
    using var buffer = new MemoryStream();
    await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
    buffer.Position = 0;
    using var reader = new JsonTextReader(new StreamReader(buffer));
    var activity = serializer.Deserialize<Activity>(reader);
    return string.IsNullOrEmpty(activity?.Type) ? Results.BadRequest() : Results.Ok();
});

app.Run();
