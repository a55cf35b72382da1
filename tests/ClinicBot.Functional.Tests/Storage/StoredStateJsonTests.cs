using ClinicBot.Dialogs;
using ClinicBot.Booking;
using ClinicBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Tests.Storage;

/// <summary>
/// The compact state text (type names only where needed, no null properties) must read back exactly as the
/// SDK storages' form did, and state already stored in that older form must still read.
/// </summary>
public sealed class StoredStateJsonTests
{
    // How state was written before (the SDK storages' settings), for stored rows that predate the compact form.
    private static readonly JsonSerializerSettings SdkStorageSettings = new()
    {
        TypeNameHandling = TypeNameHandling.All,
        NullValueHandling = NullValueHandling.Include,
    };

    [Fact]
    public void Compact_text_reads_back_the_same_values_and_types_as_the_sdk_form()
    {
        var compact = StoredStateJson.Read(StoredStateJson.Write(MidBookingState()), "etag-1");
        var sdkForm = StoredStateJson.Read(JsonConvert.SerializeObject(MidBookingState(), SdkStorageSettings), "etag-1");

        Assert.Equal(Canonical(sdkForm), Canonical(compact));
        var state = Assert.IsType<Dictionary<string, object>>(compact);
        Assert.Equal("etag-1", state["eTag"]);
        var dialogs = Assert.IsType<DialogState>(state["DialogState"]);
        var prompt = dialogs.DialogStack[0].State;
        var options = Assert.IsType<PromptOptions>(prompt["options"]);
        Assert.IsType<Activity>(options.Prompt);
        Assert.Equal("When should the clinic call?", options.Prompt!.Text);
        Assert.IsType<List<Choice>>(options.Choices);
        Assert.IsType<BookingDraft>(prompt["draft"]);
        Assert.Equal(2L, prompt["attempts"]);
        Assert.True(prompt.ContainsKey("offered"));
        Assert.Null(prompt["offered"]);
        Assert.Equal(new List<string> { "a", "b" }, Assert.IsType<List<string>>(prompt["tags"]));
    }

    [Fact]
    public void Compact_text_leaves_out_null_properties_and_type_names_the_declared_types_give()
    {
        var compact = StoredStateJson.Write(MidBookingState());
        var sdkForm = JsonConvert.SerializeObject(MidBookingState(), SdkStorageSettings);

        Assert.Contains("\"Email\":null", sdkForm, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Email\":null", compact, StringComparison.Ordinal);
        Assert.Contains("System.Collections.Generic.List`1[[ClinicBot.Dialogs.DialogInstance", sdkForm, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Collections.Generic.List`1[[ClinicBot.Dialogs.DialogInstance", compact, StringComparison.Ordinal);
        Assert.Contains("\"offered\":null", compact, StringComparison.Ordinal);
        Assert.True(compact.Length < sdkForm.Length, $"compact {compact.Length} chars, SDK form {sdkForm.Length}");
    }

    [Fact]
    public void A_store_item_keeps_its_type_through_the_compact_text()
    {
        var item = new StoredNote { Text = "kept", Missing = null, ETag = "old" };

        var text = StoredStateJson.Write(item);
        var read = Assert.IsType<StoredNote>(StoredStateJson.Read(text, "etag-2"));

        Assert.DoesNotContain("\"Missing\"", text, StringComparison.Ordinal);
        Assert.Equal("kept", read.Text);
        Assert.Null(read.Missing);
        Assert.Equal("etag-2", read.ETag);
    }

    private static Dictionary<string, object> MidBookingState()
    {
        var prompt = MessageFactory.Text("When should the clinic call?");
        prompt.SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.ImBack, "Tomorrow", value: "Tomorrow")] };
        prompt.Attachments = [new Attachment("application/vnd.microsoft.card.adaptive", content: JObject.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[]}"""))];
        var draft = new BookingDraft { IdempotencyKey = "key-1", Name = "Test Person", PhoneE164 = "+18325550100", Callback = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(-6)) };
        var instance = new DialogInstance
        {
            Id = "BookingDialog.answer",
            State = new Dictionary<string, object?>
            {
                ["options"] = new PromptOptions { Prompt = prompt, RetryPrompt = MessageFactory.Text("Sorry?"), Choices = [new Choice("Tomorrow")], MaxAttempts = 3 },
                ["draft"] = draft,
                ["attempts"] = 2,
                ["offered"] = null,
                ["tags"] = new List<string> { "a", "b" },
            },
        };
        return new Dictionary<string, object>
        {
            ["DialogState"] = new DialogState([instance]),
            ["eTag"] = "etag-0",
        };
    }

    // Both values written the old way: equal text means equal values and types.
    private static string Canonical(object? value) => JsonConvert.SerializeObject(value, SdkStorageSettings);

    public sealed class StoredNote : IStoreItem
    {
        public string? Text { get; set; }

        public string? Missing { get; set; }

        public string? ETag { get; set; }
    }
}
