namespace LiveNews.Text.Tokens;

/// <summary>Names of days and months as news text writes them (lower case): one list for entities and page furniture.</summary>
internal static class CalendarWords
{
    /// <summary>Days of the week, in full.</summary>
    public static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>Short forms of the days, as time stamps print them ("Sat Nov 12").</summary>
    public static readonly string[] ShortDays = ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"];

    /// <summary>Months, in full and short ("Sept." too).</summary>
    public static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];
}
