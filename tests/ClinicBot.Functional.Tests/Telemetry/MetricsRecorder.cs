using System.Diagnostics.Metrics;

namespace ClinicBot.Tests.Telemetry;

/// <summary>Collects the measurements of the meters one <see cref="IMeterFactory"/> created (other tests' apps are ignored).</summary>
public sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, string?> Tags)> _measurements = [];

    public MetricsRecorder(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public double Sum(string instrument, string? tag = null, string? value = null)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument && (tag is null || m.Tags.GetValueOrDefault(tag) == value)).Sum(m => m.Value);
        }
    }

    public int Count(string instrument)
    {
        lock (_measurements)
        {
            return _measurements.Count(m => m.Instrument == instrument);
        }
    }

    public IReadOnlyList<string> TagValues(string tag)
    {
        lock (_measurements)
        {
            return _measurements.SelectMany(m => m.Tags).Where(t => t.Key == tag).Select(t => t.Value ?? string.Empty).Distinct().ToList();
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var tagValues = new Dictionary<string, string?>();
        foreach (var tag in tags) tagValues[tag.Key] = tag.Value?.ToString();
        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, tagValues));
        }
    }
}
