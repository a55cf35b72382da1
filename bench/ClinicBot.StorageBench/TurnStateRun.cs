using System.Globalization;
using ClinicBot.Dialogs;
using ClinicBot.SdkTuning;
using ClinicBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

/// <summary>
/// The conversation state's part of a turn, side by side: the SDK's <see cref="ConversationState"/> against
/// <see cref="JsonComparedConversationState"/>, on the same SQLite file and the same stored state (a real
/// mid-booking row, mid-booking-state.json). Each turn loads the dialog state through the accessor and saves;
/// every second turn changes it (as a booking turn does: its last activity id), the others leave it as read.
/// </summary>
internal static class TurnStateRun
{
    private const int Conversations = 32;

    public static async Task RunAsync(ClinicDatabase database, int turns, int run)
    {
        var storage = new BotStateStorage(database, BenchProtection.Protectors);
        var storedState = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "mid-booking-state.json"));
        for (var conversation = 0; conversation < Conversations; conversation++)
        {
            await storage.WriteJsonAsync(Key(conversation), new Dictionary<string, object>(), storedState);
        }

        // Alternate which one goes first, so neither always runs on the warmer process.
        var sdkFirst = run % 2 == 1;
        var first = await TimeTurnsAsync(sdkFirst ? new ConversationState(storage) : new JsonComparedConversationState(storage), turns);
        var second = await TimeTurnsAsync(sdkFirst ? new JsonComparedConversationState(storage) : new ConversationState(storage), turns);
        var (sdk, compared) = sdkFirst ? (first, second) : (second, first);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"turnstate run {(run == 0 ? "0 (warm-up)" : run)}: {turns} turns each; CPU per turn: SDK ConversationState {PerTurn(sdk, turns):F1} us, JsonComparedConversationState {PerTurn(compared, turns):F1} us (ratio {PerTurn(compared, turns) / PerTurn(sdk, turns):F2})"));
    }

    private static Task<RunResult> TimeTurnsAsync(ConversationState state, int turns)
    {
        var adapter = new TestAdapter();
        var dialogState = state.CreateProperty<DialogState>("DialogState");
        return Measure.TimeAsync(
            async () =>
            {
                for (var turn = 0; turn < turns; turn++)
                {
                    var context = new TurnContext(adapter, new Activity(ActivityTypes.Message, channelId: "webchat", conversation: new ConversationAccount(id: $"bench-{turn % Conversations}")));
                    var dialogs = await dialogState.GetAsync(context, () => new DialogState());
                    if (turn % 2 == 0)
                    {
                        dialogs.DialogStack[0].State["lastActivityId"] = turn.ToString(CultureInfo.InvariantCulture);
                    }

                    await state.SaveChangesAsync(context);
                }
            },
            () => Task.FromResult((long)turns));
    }

    private static string Key(int conversation) => $"webchat/conversations/bench-{conversation}";

    private static double PerTurn(RunResult result, int turns) => result.Cpu.TotalMilliseconds * 1000 / turns;
}
