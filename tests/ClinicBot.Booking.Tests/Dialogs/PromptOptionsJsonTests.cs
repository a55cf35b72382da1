using ClinicBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Tests.Dialogs;

/// <summary>A prompt's questions are kept in the dialog state with only their set properties, and read back whole.</summary>
public sealed class PromptOptionsJsonTests
{
    private static readonly JsonSerializerSettings WithTypeNames = new() { TypeNameHandling = TypeNameHandling.All };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Questions_round_trip_without_their_null_properties(bool typeNames)
    {
        var settings = typeNames ? WithTypeNames : new JsonSerializerSettings();

        var json = JsonConvert.SerializeObject(Options(), settings);
        var read = JsonConvert.DeserializeObject<PromptOptions>(json, settings)!;

        Assert.DoesNotContain("serviceUrl", json, StringComparison.Ordinal);
        Assert.DoesNotContain("replyToId", json, StringComparison.Ordinal);
        Assert.Equal("When should the clinic call?", read.Prompt!.Text);
        Assert.Equal(InputHints.ExpectingInput, read.Prompt.InputHint);
        Assert.Equal("AdaptiveCard", ((JObject)Assert.Single(read.Prompt.Attachments).Content)["type"]!.ToString());
        Assert.Equal("Tomorrow", Assert.Single(read.Prompt.SuggestedActions.Actions).Title);
        Assert.Equal("Sorry?", read.RetryPrompt!.Text);
        Assert.Equal(3, read.MaxAttempts);
    }

    [Fact]
    public void Questions_stored_with_all_their_properties_still_read()
    {
        // The form stored before: every Activity property written, nulls and type names included.
        var fullActivity = JObject.Parse(JsonConvert.SerializeObject(Options().Prompt, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All, NullValueHandling = NullValueHandling.Include }));
        Assert.Equal(JTokenType.Null, fullActivity["serviceUrl"]!.Type);
        var stored = new JObject
        {
            ["$type"] = "ClinicBot.Dialogs.PromptOptions, ClinicBot.Dialogs",
            ["Prompt"] = fullActivity,
            ["RetryPrompt"] = null,
            ["MaxAttempts"] = 3,
        };

        var read = JsonConvert.DeserializeObject<PromptOptions>(stored.ToString(), WithTypeNames)!;

        Assert.Equal("When should the clinic call?", read.Prompt!.Text);
        Assert.Equal("AdaptiveCard", ((JObject)Assert.Single(read.Prompt.Attachments).Content)["type"]!.ToString());
        Assert.Null(read.Prompt.ServiceUrl);
        Assert.Null(read.RetryPrompt);
    }

    private static PromptOptions Options()
    {
        var prompt = MessageFactory.Text("When should the clinic call?", inputHint: InputHints.ExpectingInput);
        prompt.SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.ImBack, "Tomorrow", value: "Tomorrow")] };
        prompt.Attachments = [new Attachment("application/vnd.microsoft.card.adaptive", content: JObject.Parse("""{"type":"AdaptiveCard","version":"1.5"}"""))];
        return new PromptOptions { Prompt = prompt, RetryPrompt = MessageFactory.Text("Sorry?"), MaxAttempts = 3 };
    }
}
