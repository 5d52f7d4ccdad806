using System.Globalization;

namespace Studies.Experiments.Sweeps;

/// <summary>Short human durations for status lines: "45s", "12m05s", "3h07m", "2d04h".</summary>
public static class Durations
{
    public static string Format(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            return "-";
        }

        var t = TimeSpan.FromSeconds(Math.Round(seconds));
        return t.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalDays}d{t.Hours:00}h")
            : t.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h{t.Minutes:00}m")
            : t.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}m{t.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Seconds}s");
    }
}
