using System.Buffers;
using System.Text.RegularExpressions;

namespace LiveNews.Text.Furniture;

/// <summary>
/// Recognises page furniture line by line: advertisements, paywall and log-in notices, subscribe
/// prompts, "About X", "Check Also" link blocks, photo credits, "contributed reporting" lines, bylines,
/// video-transcript markers, share buttons and copyright lines.
/// </summary>
public static partial class FurnitureFilter
{
    /// <summary>Classifies one line (already normalised). <see cref="FurnitureKind.None"/> means article text.</summary>
    public static FurnitureKind Classify(string line)
    {
        var text = line.Trim();
        if (text.Length == 0)
        {
            return FurnitureKind.None;
        }

        if (text.Length <= 400 && Advertisement(text))
        {
            return FurnitureKind.Advertisement;
        }

        // Notices are short; a long paragraph that mentions a subscription is prose.
        if (text.Length <= 400 && Paywall(text))
        {
            return FurnitureKind.Paywall;
        }

        if (text.Length <= 400 && Subscribe(text))
        {
            return FurnitureKind.Subscribe;
        }

        if (text.Length <= 40 && About().IsMatch(text))
        {
            return FurnitureKind.About;
        }

        if (text.Length <= 60 && LinkBlockHeader().IsMatch(text))
        {
            return FurnitureKind.LinkBlock;
        }

        if (text.Length <= 200 && PhotoCredit(text))
        {
            return FurnitureKind.PhotoCredit;
        }

        if (text.Length <= 300 && ContributedReporting(text))
        {
            return FurnitureKind.ContributedReporting;
        }

        if (text.Length <= 80 && (Byline().IsMatch(text) || DatelineOnly().IsMatch(text) || IsTimestamp(text)))
        {
            return FurnitureKind.Byline;
        }

        if (text.Length <= 40 && VideoTranscript().IsMatch(text))
        {
            return FurnitureKind.VideoTranscript;
        }

        if (text.Length <= 120 && Social().IsMatch(text))
        {
            return FurnitureKind.Social;
        }

        if (text.Length <= 200 && Copyright(text))
        {
            return FurnitureKind.Copyright;
        }

        return FurnitureKind.None;
    }

    /// <summary>True when a line opens a block of links to other articles that runs to the end of the page.</summary>
    public static bool StartsLinkBlock(string line) => line.Length <= 60 && LinkBlockHeader().IsMatch(line.Trim());

    // Patterns that may match anywhere in a line are split from those anchored at its start, and run
    // only when the line holds a word every such match contains (a vectorised search): scanning every
    // line of every article with them was a sixth of the analysis. The split patterns match exactly
    // what the single patterns did.

    internal static bool Advertisement(string text) =>
        AdvertisementAtStart().IsMatch(text) || (text.AsSpan().ContainsAny(AdvertisementWords) && AdvertisementAnywhere().IsMatch(text));

    private static readonly SearchValues<string> AdvertisementWords = SearchValues.Create(["adsense", "adlogger"], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(skip\s+)?advert[i]?[sz]e?ments?\b|^(sponsored( content)?|promoted|ad|ads|adsense|paid content|story continues below( this)? ad(vertisement)?)\b\W*$|^continue reading the main story$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdvertisementAtStart();

    [GeneratedRegex(@"\badsense\b|\badlogger\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdvertisementAnywhere();

    internal static bool Paywall(string text) => text.AsSpan().ContainsAny(PaywallWords) && PaywallAnywhere().IsMatch(text);

    private static readonly SearchValues<string> PaywallWords = SearchValues.Create(
        ["access", "preview", "content will", "log", "already a", "reader mode", "paywall", "only", "continue reading", "keep reading", "this article is", "free account", "reached", "free article", "keyboard"],
        StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"you have been granted access|you have a preview view|verify(ing)? (your )?access|checking your access|confirmed access|full article content will load|log ?in(to)? (to )?(your|with)|already a (subscriber|member)|reader mode|\bpaywall\b|subscribers? only|to continue reading|keep reading with|this article is (for|reserved for) (subscribers|members)|create (a )?free account|you('ve| have) reached (your|the) (limit|free)|free articles? (left|remaining)|use your keyboard to continue", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PaywallAnywhere();

    internal static bool Subscribe(string text) =>
        SubscribeAtStart().IsMatch(text) || (text.AsSpan().ContainsAny(SubscribeWords) && SubscribeAnywhere().IsMatch(text));

    private static readonly SearchValues<string> SubscribeWords = SearchValues.Create(["send", "newsletter", "inbox", "subscribe"], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(want (all of|to stay)|sign up (for|to)|subscribe( now| today| to)?\b|get (our|the) (newsletter|latest)|newsletter\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubscribeAtStart();

    [GeneratedRegex(@"we('ll| will) send (our|you)[^.]{0,60}(inbox|email)|sign up for [^.]{0,60}newsletter|\bto your inbox\b|\bsubscribe\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubscribeAnywhere();

    [GeneratedRegex(@"^[Aa]bout (us|the author|this (site|article)|[A-Z][\w.&-]{0,20})\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex About();

    [GeneratedRegex(@"^(check also|related( (stories|articles|coverage|content|news|posts|reading))?|read more( on this)?|more (on|from) this (story|topic)|more stories|you (may|might) also like|recommended( for you| stories)?|most (read|popular|viewed)|trending( now)?|see also|also read|top stories|latest news|more from [\w .]{1,30})\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkBlockHeader();

    internal static bool PhotoCredit(string text) =>
        PhotoCreditAtStart().IsMatch(text) || (text.AsSpan().ContainsAny(PhotoCreditWords) && PhotoCreditAnywhere().IsMatch(text));

    private static readonly SearchValues<string> PhotoCreditWords = SearchValues.Create(
        ["photo", "image", "picture", "getty", "reuters/", "epa-efe", "shutterstock", "associated press"], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(photo|image|picture|video|credit)s?\s*(:|by\b)|^credit\.{0,3}\s|^file photo\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhotoCreditAtStart();

    [GeneratedRegex(@"\((photo|image|picture)s?( by|:)[^)]*\)\s*$|\b(getty images|ap photo|afp via getty|reuters/|epa-efe|shutterstock|associated press)\b[^.]{0,60}$|\bphoto(graph)?: ", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhotoCreditAnywhere();

    internal static bool ContributedReporting(string text) =>
        ContributedReportingAtStart().IsMatch(text) || (text.Contains("contributed", StringComparison.OrdinalIgnoreCase) && ContributedReportingAnywhere().IsMatch(text));

    [GeneratedRegex(@"^(additional )?reporting by\b|^(writing|editing|compiled|edited|written) by\b|^\(?(reporting|editing) by\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContributedReportingAtStart();

    [GeneratedRegex(@"contributed (reporting|to (this|the) report)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContributedReportingAnywhere();

    [GeneratedRegex(@"^by [A-Z][\w.'-]+( [A-Z][\w.'-]+){0,3}( and [A-Z][\w.'-]+( [A-Z][\w.'-]+){0,3})?(,.*)?$|^[A-Z][\w ]{2,40} (?i:services|staff|wire|newsroom)$|^[A-Z][\w .]{2,40} \d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$|^(?i:updated|published|posted|last (updated|modified))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    /// <summary>Days and months, in full and short: a time stamp names one.</summary>
    private static readonly HashSet<string> Calendar =
        new([.. Tokens.CalendarWords.Days, .. Tokens.CalendarWords.ShortDays, .. Tokens.CalendarWords.Months], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words a time stamp line is made of, besides numbers: days, months, clock and zone marks.</summary>
    private static readonly HashSet<string> TimestampWords = new(
        [
            .. Calendar,
            "am", "pm", "a", "p", "m", "gmt", "bst", "utc", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "cet", "cest", "ist", "aest", "hrs", "h",
            "updated", "last", "published", "posted", "at", "on", "date",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A line that is only a time stamp, in any of the ways pages print one: "February 5, 2009",
    /// "Monday 16 September 2013 03.31 BST", "10:55 P.M. FEB. 2, 2009", "Sat Nov 12 2011, 01:19 hrs".
    /// Every word is a day, month, clock or zone mark or a number; there is a day or month and a number.
    /// </summary>
    public static bool IsTimestamp(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var calendar = false;
        var number = false;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                var word = text.AsSpan(start, i - start);
                start = -1;
                if (IsNumber(word))
                {
                    number = true;
                }
                else if (TimestampWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
                {
                    calendar |= Calendar.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
                }
                else if (!IsOrdinalOrClock(word))
                {
                    return false;
                }
            }
            else if (!(char.IsWhiteSpace(c) || c is ',' or '.' or ':' or '-' or '/' or '|' or '(' or ')'))
            {
                return false;
            }
        }

        return calendar && number;
    }

    private static bool IsNumber(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return word.Length > 0;
    }

    /// <summary>A number with its ordinal or clock mark glued on: "5th", "22nd", "1st", "3rd", "07AM", "11pm".</summary>
    private static bool IsOrdinalOrClock(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || !IsNumber(word[..^2]))
        {
            return false;
        }

        var mark = word[^2..];
        foreach (var suffix in (ReadOnlySpan<string>)["th", "st", "nd", "rd", "am", "pm"])
        {
            if (mark.Equals(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(date\s+)?\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?Z?)?$|^\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* \d{4}( \d{1,2}:\d{2})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatelineOnly();

    [GeneratedRegex(@"^(video|transcript|watch|play( video)?|listen|audio|\d{1,2}:\d{2}|video transcript|back to video)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VideoTranscript();

    [GeneratedRegex(@"^(share( this( article| story)?)?|tweet|email|print|comments?|follow us|like us on|click here|share on \w+|share via|copy link|save( article)?|gift( this)? article|listen to (this )?article|\d+ min(ute)? read)\b\W*$|^(follow|find) us on\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Social();

    internal static bool Copyright(string text) =>
        CopyrightAtStart().IsMatch(text) || text.Contains("all rights reserved", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(©|\(c\)|copyright\b)|^terms (of (use|service))|^privacy policy", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopyrightAtStart();
}
