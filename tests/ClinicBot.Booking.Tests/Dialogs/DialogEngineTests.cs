using ClinicBot.Dialogs;
using ClinicBot.Tests.Dialogs.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Tests.Dialogs;

public class DialogEngineTests
{
    public static TheoryData<string> Storages => new() { "memory", "json" };

    private static IStorage NewStorage(string kind) => kind == "memory" ? new MemoryStorage() : new JsonRoundTripStorage();

    private static Activity Ask(string text) => MessageFactory.Text(text);

    /// <summary>Asks a name then an age, ends with "name:age".</summary>
    private static Dialog[] NameAgeDialogs(Func<int, int>? onAge = null, int? maxAttempts = null)
    {
        var waterfall = new WaterfallDialog("root", new WaterfallStep[]
        {
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Ask("name?") }, ct),
            (step, ct) =>
            {
                step.Values["name"] = (string)step.Result!;
                return step.PromptAsync("age", new PromptOptions { Prompt = Ask("age?"), RetryPrompt = Ask("age as a number please"), MaxAttempts = maxAttempts }, ct);
            },
            (step, ct) =>
            {
                if (step.Result is PromptGaveUp gaveUp)
                {
                    return step.EndDialogAsync($"gave up after {gaveUp.AttemptCount}", ct);
                }

                var name = step.Values.Get<string>("name");
                return step.EndDialogAsync($"{name}:{step.Result}", ct);
            },
        });

        var agePrompt = new Prompt<int>(
            "age",
            (ctx, options, ct) => Task.FromResult(int.TryParse(ctx.Activity.Text, out var n)
                ? PromptRecognizerResult<int>.Success(n)
                : PromptRecognizerResult<int>.Failure()));
        return new Dialog[] { waterfall, new TextPrompt("text"), agePrompt };
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Waterfall_collects_answers_across_turns_and_completes_with_last_result(string storage)
    {
        var host = new DialogTestHost(NewStorage(storage), "root", () => NameAgeDialogs());

        Assert.Equal("name?", (await host.SendAsync("hi")).Texts());
        Assert.Equal(DialogTurnStatus.Waiting, host.LastResult!.Status);
        Assert.Equal("age?", (await host.SendAsync("Ana")).Texts());
        Assert.Empty((await host.SendAsync("41")).Texts());

        Assert.Equal(DialogTurnStatus.Complete, host.LastResult!.Status);
        Assert.Equal("Ana:41", host.LastResult.Result);
        Assert.Equal(0, host.LastStackDepth);
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Prompt_retries_with_retry_prompt_then_gives_up_after_max_attempts(string storage)
    {
        var host = new DialogTestHost(NewStorage(storage), "root", () => NameAgeDialogs(maxAttempts: 3));
        await host.SendAsync("hi");
        await host.SendAsync("Ana");

        Assert.Equal("age as a number please", (await host.SendAsync("forty")).Texts());
        Assert.Equal("age as a number please", (await host.SendAsync("old")).Texts());
        await host.SendAsync("none of your business");

        Assert.Equal(DialogTurnStatus.Complete, host.LastResult!.Status);
        Assert.Equal("gave up after 3", host.LastResult.Result);
    }

    [Fact]
    public async Task Validator_sees_attempt_count_and_its_own_reask_replaces_the_retry_prompt()
    {
        var seenAttempts = new List<int>();
        Dialog[] Create()
        {
            var prompt = new Prompt<int>(
                "even",
                (ctx, o, ct) => Task.FromResult(int.TryParse(ctx.Activity.Text, out var n) ? PromptRecognizerResult<int>.Success(n) : PromptRecognizerResult<int>.Failure()),
                async (pc, ct) =>
                {
                    seenAttempts.Add(pc.AttemptCount);
                    if (pc.Recognized.Succeeded && pc.Recognized.Value % 2 != 0)
                    {
                        await pc.Context.SendActivityAsync($"{pc.Recognized.Value} is odd", cancellationToken: ct);
                        return false;
                    }

                    return pc.Recognized.Succeeded;
                });
            var root = new WaterfallDialog("root", new WaterfallStep[]
            {
                (s, ct) => s.PromptAsync("even", new PromptOptions { Prompt = Ask("even number?"), RetryPrompt = Ask("a number please") }, ct),
                (s, ct) => s.EndDialogAsync(s.Result, ct),
            });
            return new Dialog[] { root, prompt };
        }

        var host = new DialogTestHost(new JsonRoundTripStorage(), "root", Create);
        await host.SendAsync("go");
        Assert.Equal("3 is odd", (await host.SendAsync("3")).Texts());
        Assert.Equal("a number please", (await host.SendAsync("x")).Texts());
        await host.SendAsync("4");

        Assert.Equal(new[] { 1, 2, 3 }, seenAttempts);
        Assert.Equal(4, Convert.ToInt32(host.LastResult!.Result));
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Nested_waterfall_returns_its_result_to_the_parent_step(string storage)
    {
        Dialog[] Create() => new Dialog[]
        {
            new WaterfallDialog("parent", new WaterfallStep[]
            {
                (s, ct) => s.BeginDialogAsync("child", new { greeting = "hello" }, ct),
                (s, ct) => s.EndDialogAsync("parent got " + s.Result, ct),
            }),
            new WaterfallDialog("child", new WaterfallStep[]
            {
                (s, ct) =>
                {
                    var greeting = StateValues.Convert<JObject>(s.Options)!["greeting"]!.ToString();
                    return s.PromptAsync("text", new PromptOptions { Prompt = Ask(greeting + ", your colour?") }, ct);
                },
                (s, ct) => s.EndDialogAsync("colour " + s.Result, ct),
            }),
            new TextPrompt("text"),
        };

        var host = new DialogTestHost(NewStorage(storage), "parent", Create);
        Assert.Equal("hello, your colour?", (await host.SendAsync("start")).Texts());
        Assert.Equal(3, host.LastStackDepth);
        await host.SendAsync("blue");
        Assert.Equal(DialogTurnStatus.Complete, host.LastResult!.Status);
        Assert.Equal("parent got colour blue", host.LastResult.Result);
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Replace_dialog_loops_without_growing_the_stack(string storage)
    {
        Dialog[] Create() => new Dialog[]
        {
            new WaterfallDialog("loop", new WaterfallStep[]
            {
                (s, ct) =>
                {
                    var count = s.GetOptions<int?>() ?? 0;
                    s.Values["count"] = count;
                    return s.PromptAsync("text", new PromptOptions { Prompt = Ask($"round {count}") }, ct);
                },
                (s, ct) =>
                {
                    var count = s.Values.Get<int>("count");
                    return (string)s.Result! == "done"
                        ? s.EndDialogAsync(count, ct)
                        : s.ReplaceDialogAsync("loop", count + 1, ct);
                },
            }),
            new TextPrompt("text"),
        };

        var host = new DialogTestHost(NewStorage(storage), "loop", Create);
        Assert.Equal("round 0", (await host.SendAsync("go")).Texts());
        Assert.Equal("round 1", (await host.SendAsync("again")).Texts());
        Assert.Equal("round 2", (await host.SendAsync("again")).Texts());
        Assert.Equal(2, host.LastStackDepth);
        await host.SendAsync("done");
        Assert.Equal(2, Convert.ToInt32(host.LastResult!.Result));
    }

    [Fact]
    public async Task Cancel_all_empties_the_stack_and_reports_cancelled()
    {
        Dialog[] Create() => new Dialog[]
        {
            new WaterfallDialog("root", new WaterfallStep[]
            {
                (s, ct) => s.BeginDialogAsync("child", null, ct),
                (s, ct) => s.EndDialogAsync("not reached", ct),
            }),
            new WaterfallDialog("child", new WaterfallStep[]
            {
                (s, ct) => s.PromptAsync("text", new PromptOptions { Prompt = Ask("say stop") }, ct),
                (s, ct) => (string)s.Result! == "stop" ? s.CancelAllDialogsAsync(ct) : s.EndDialogAsync(s.Result, ct),
            }),
            new TextPrompt("text"),
        };

        var host = new DialogTestHost(new JsonRoundTripStorage(), "root", Create);
        await host.SendAsync("go");
        await host.SendAsync("stop");
        Assert.Equal(DialogTurnStatus.Cancelled, host.LastResult!.Status);
        Assert.Equal(0, host.LastStackDepth);

        // A new message starts over from the root.
        Assert.Equal("say stop", (await host.SendAsync("again")).Texts());
    }

    [Fact]
    public async Task Next_async_skips_a_question_that_is_already_answered()
    {
        Dialog[] Create() => new Dialog[]
        {
            new WaterfallDialog("root", new WaterfallStep[]
            {
                (s, ct) => s.GetOptions<string>() is { } known ? s.NextAsync(known, ct) : s.PromptAsync("text", new PromptOptions { Prompt = Ask("name?") }, ct),
                (s, ct) => s.EndDialogAsync("hello " + s.Result, ct),
            }),
            new TextPrompt("text"),
        };

        var host = new DialogTestHost(new JsonRoundTripStorage(), "root", Create) { RootOptions = "Ana" };
        Assert.Empty((await host.SendAsync("hi")).Texts());
        Assert.Equal("hello Ana", host.LastResult!.Result);
    }

    [Fact]
    public async Task Choice_prompt_offers_suggested_actions_and_accepts_title_synonym_or_number()
    {
        var choices = new List<Choice> { new("red", "Red please"), new("blue") { Synonyms = { "navy" } } };
        Dialog[] Create() => new Dialog[]
        {
            new WaterfallDialog("root", new WaterfallStep[]
            {
                (s, ct) => s.PromptAsync("choice", new PromptOptions { Prompt = Ask("colour?"), RetryPrompt = Ask("pick one"), Choices = choices }, ct),
                (s, ct) => s.EndDialogAsync(((FoundChoice)s.Result!).Value, ct),
            }),
            new ChoicePrompt("choice"),
        };

        var host = new DialogTestHost(new JsonRoundTripStorage(), "root", Create);
        var prompt = Assert.Single(await host.SendAsync("go"));
        Assert.Equal(new[] { "Red please", "blue" }, ((IMessageActivity)prompt).SuggestedActions.Actions.Select(a => a.Title));

        var retry = await host.SendAsync("green");
        Assert.Equal("pick one", retry.Texts());
        Assert.NotNull(((IMessageActivity)retry[0]).SuggestedActions);

        await host.SendAsync("NAVY!");
        Assert.Equal("blue", host.LastResult!.Result);

        await host.SendAsync("go");
        await host.SendAsync("1");
        Assert.Equal("red", host.LastResult!.Result);
    }

    [Fact]
    public async Task A_prompt_sends_a_copy_of_its_question_so_the_stored_options_stay_unstamped()
    {
        var question = Ask("colour?");
        question.Attachments = [new Attachment("text/plain", content: "card")];
        var options = new PromptOptions { Prompt = question, Choices = [new Choice("red")] };
        Dialog[] Create() => new Dialog[]
        {
            new WaterfallDialog("root", new WaterfallStep[] { (s, ct) => s.PromptAsync("choice", options, ct) }),
            new ChoicePrompt("choice"),
        };

        var host = new DialogTestHost(new MemoryStorage(), "root", Create);
        var sent = (IMessageActivity)Assert.Single(await host.SendAsync("go"));

        Assert.Equal("colour?", sent.Text);
        Assert.Equal("card", Assert.Single(sent.Attachments).Content);
        Assert.NotNull(sent.SuggestedActions);
        Assert.NotNull(sent.Conversation);
        Assert.Null(question.Conversation);
        Assert.Null(question.Recipient);
        Assert.Null(question.ReplyToId);
        Assert.Null(question.SuggestedActions);
    }

    [Fact]
    public async Task Run_async_begins_then_continues_the_dialog()
    {
        var storage = new JsonRoundTripStorage();
        var adapter = new Microsoft.Bot.Builder.Adapters.TestAdapter();
        var dialog = new ComponentDialogWithPrompt();

        async Task Turn(ITurnContext ctx, CancellationToken ct)
        {
            var state = new ConversationState(storage);
            await dialog.RunAsync(ctx, state.CreateProperty<DialogState>("DialogState"), ct);
            await state.SaveChangesAsync(ctx, false, ct);
        }

        await new Microsoft.Bot.Builder.Adapters.TestFlow(adapter, Turn)
            .Send("hello").AssertReply("city?")
            .Send("help").AssertReply("I need a city.").AssertReply("city?")
            .Send("Houston").AssertReply("thanks, Houston")
            .StartTestAsync();
    }

    [Fact]
    public async Task Component_interruption_keeps_the_inner_prompt_active_after_json_round_trip()
    {
        var storage = new JsonRoundTripStorage();
        var host = new DialogTestHost(storage, "component", () => new Dialog[] { new ComponentDialogWithPrompt() });

        Assert.Equal("city?", (await host.SendAsync("hi")).Texts());
        Assert.Contains("\"stepIndex\":0", storage.RawJson("conversations")!);

        Assert.Equal("I need a city.\ncity?", (await host.SendAsync("help")).Texts());
        Assert.Equal(1, host.LastStackDepth);

        Assert.Equal("thanks, Sugar Land", (await host.SendAsync("Sugar Land")).Texts());
        Assert.Equal(DialogTurnStatus.Complete, host.LastResult!.Status);
        Assert.Equal("Sugar Land", host.LastResult.Result);
    }

    [Fact]
    public async Task Cancelling_inside_a_component_reports_cancelled_to_the_root()
    {
        var host = new DialogTestHost(new JsonRoundTripStorage(), "component", () => new Dialog[] { new ComponentDialogWithPrompt() });
        await host.SendAsync("hi");
        await host.SendAsync("quit");
        Assert.Equal(DialogTurnStatus.Cancelled, host.LastResult!.Status);
        Assert.Equal(0, host.LastStackDepth);
    }

    [Fact]
    public void State_values_read_json_types_tolerantly()
    {
        var state = new Dictionary<string, object?>
        {
            ["count"] = 3L,
            ["when"] = new JValue("2026-11-30T10:00:00-06:00"),
            ["list"] = new JArray("a", "b"),
            ["nested"] = JObject.FromObject(new { inner = 5 }),
        };

        Assert.Equal(3, state.Get<int>("count"));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(-6)), state.Get<DateTimeOffset>("when"));
        Assert.Equal(new[] { "a", "b" }, state.Get<List<string>>("list"));
        var nested = state.GetDictionary("nested");
        nested["inner"] = 6;
        Assert.Same(nested, state["nested"]);
        Assert.Equal(7, state.GetOrDefault("missing", 7));
    }

    private sealed class ComponentDialogWithPrompt : ComponentDialog
    {
        public ComponentDialogWithPrompt()
            : base("component")
        {
            AddDialog(new WaterfallDialog("inner", new WaterfallStep[]
            {
                (s, ct) => s.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("city?") }, ct),
                async (s, ct) =>
                {
                    await s.Context.SendActivityAsync($"thanks, {s.Result}", cancellationToken: ct);
                    return await s.EndDialogAsync(s.Result, ct);
                },
            }));
            AddDialog(new TextPrompt("text"));
        }

        protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
        {
            switch (innerDc.Context.Activity.Text)
            {
                case "help":
                    await innerDc.Context.SendActivityAsync("I need a city.", cancellationToken: cancellationToken);
                    await innerDc.RepromptDialogAsync(cancellationToken);
                    return EndOfTurn;
                case "quit":
                    return await innerDc.CancelAllDialogsAsync(cancellationToken);
                default:
                    return await base.OnContinueDialogAsync(innerDc, cancellationToken);
            }
        }
    }

    [Fact]
    public async Task A_stack_naming_an_unknown_dialog_is_dropped_instead_of_failing_every_turn()
    {
        var storage = new JsonRoundTripStorage();
        var old = new DialogTestHost(storage, "root", () => NameAgeDialogs());
        await old.SendAsync("hi");

        var renamed = new DialogTestHost(storage, "component", () => new Dialog[] { new ComponentDialogWithPrompt() });
        Assert.Equal("city?", (await renamed.SendAsync("hello")).Texts());
        Assert.Equal(1, renamed.LastStackDepth);
    }
}
