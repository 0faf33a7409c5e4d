using System.Text;

namespace LiveNews.Stories.Matching;

/// <summary>
/// A compact binary form of a matcher's snapshot, written straight from a <see cref="StoryMatcherCapture"/>:
/// every term named once (with its document frequency), centroids as term numbers and weights. Writing it
/// takes a fraction of what the JSON of a <see cref="StoryMatcherSnapshot"/> takes (no dictionary per
/// story, no number printed as text) and it is several times smaller. Reading gives the same
/// <see cref="StoryMatcherSnapshot"/> the JSON would have, weights bit for bit.
/// </summary>
public static class StoryMatcherBinary
{
    private static readonly byte[] Mark = "LNM1"u8.ToArray();

    /// <summary>Most strings, stories, terms or entries a well-formed snapshot has of each kind (a bound on corrupt input).</summary>
    public const int MaxCount = 50_000_000;

    internal static byte[] Write(
        int documents, int[] documentFrequencies, string[] names, IEnumerable<LiveStory> stories,
        Dictionary<string, string> storyOfArticle, List<string> knownByPage, Dictionary<string, string> mergedInto, long opened,
        int[]?[] postings)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Mark);
            writer.Write(documents);
            writer.Write(opened);

            // Terms by id: a centroid refers to a term by its number here.
            writer.Write7BitEncodedInt(names.Length);
            for (var id = 0; id < names.Length; id++)
            {
                writer.Write(names[id]);
                writer.Write7BitEncodedInt(id < documentFrequencies.Length ? documentFrequencies[id] : 0);
            }

            var list = stories.ToList();
            writer.Write7BitEncodedInt(list.Count);
            foreach (var story in list)
            {
                writer.Write(story.StoryId);
                writer.Write7BitEncodedInt(story.Members);
                writer.Write(story.Ordinal);
                WriteTime(writer, story.FirstPublished);
                WriteTime(writer, story.LastPublished);
                writer.Write7BitEncodedInt(story.GroupNorms.Length);
                foreach (var norm in story.GroupNorms)
                {
                    writer.Write(norm);
                }

                writer.Write7BitEncodedInt(story.TermIds.Length);
                var previous = 0;
                for (var k = 0; k < story.TermIds.Length; k++)
                {
                    // Ascending ids: the gaps are small numbers.
                    writer.Write7BitEncodedInt(story.TermIds[k] - previous);
                    previous = story.TermIds[k];
                    writer.Write(story.Weights[k]);
                }

                // Entity counts, which stories no longer keep: none (read and skipped where present).
                writer.Write7BitEncodedInt(0);
            }

            WritePairs(writer, storyOfArticle);
            writer.Write7BitEncodedInt(knownByPage.Count);
            foreach (var id in knownByPage)
            {
                writer.Write(id);
            }

            WritePairs(writer, mergedInto);

            // The inverted index: per term, story positions in the list above plus one (0: a story that left).
            writer.Write7BitEncodedInt(postings.Count(p => p is not null));
            for (var term = 0; term < postings.Length; term++)
            {
                if (postings[term] is not { } positions)
                {
                    continue;
                }

                writer.Write7BitEncodedInt(term);
                writer.Write7BitEncodedInt(positions.Length);
                foreach (var position in positions)
                {
                    writer.Write7BitEncodedInt(position + 1);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The snapshot <paramref name="data"/> holds; <see cref="InvalidDataException"/> when it is not one or is cut short.</summary>
    public static StoryMatcherSnapshot Read(ReadOnlyMemory<byte> data)
    {
        using var stream = new MemoryStream(data.ToArray(), writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            if (!reader.ReadBytes(Mark.Length).AsSpan().SequenceEqual(Mark))
            {
                throw new InvalidDataException("not a binary story matcher snapshot");
            }

            var snapshot = new StoryMatcherSnapshot { Documents = reader.ReadInt32(), Opened = reader.ReadInt64() };
            var names = new string[Size(reader)];
            for (var id = 0; id < names.Length; id++)
            {
                names[id] = reader.ReadString();
                var frequency = Count(reader);
                if (frequency > 0)
                {
                    snapshot.DocumentFrequency[names[id]] = frequency;
                }
            }

            var stories = Size(reader);
            snapshot.Stories.Capacity = stories;
            for (var s = 0; s < stories; s++)
            {
                var profile = new StoryProfile
                {
                    StoryId = reader.ReadString(),
                    Members = Count(reader),
                    Ordinal = reader.ReadInt64(),
                    FirstPublished = ReadTime(reader),
                    LastPublished = ReadTime(reader),
                };
                profile.GroupNorms = new double[Size(reader)];
                for (var g = 0; g < profile.GroupNorms.Length; g++)
                {
                    profile.GroupNorms[g] = reader.ReadDouble();
                }

                var terms = Size(reader);
                profile.Centroid = new Dictionary<string, float>(terms, StringComparer.Ordinal);
                var id = 0;
                for (var k = 0; k < terms; k++)
                {
                    id += Count(reader);
                    if (id >= names.Length)
                    {
                        throw new InvalidDataException($"term {id} of story {profile.StoryId} is not named");
                    }

                    profile.Centroid[names[id]] = reader.ReadSingle();
                }

                SkipEntityCounts(reader);
                snapshot.Stories.Add(profile);
            }

            snapshot.StoryOfArticle = ReadPairs(reader);
            var known = Size(reader);
            for (var k = 0; k < known; k++)
            {
                snapshot.KnownByPage.Add(reader.ReadString());
            }

            snapshot.MergedInto = ReadPairs(reader);
            if (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                snapshot.Postings = ReadPostings(reader, names, stories);
            }

            return snapshot;
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("the binary story matcher snapshot is cut short", ex);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException("the binary story matcher snapshot is corrupt", ex);
        }
    }

    /// <summary>True when <paramref name="data"/> starts like a binary snapshot.</summary>
    public static bool IsBinary(ReadOnlySpan<byte> data) => data.StartsWith(Mark);

    private static Dictionary<string, int[]> ReadPostings(BinaryReader reader, string[] names, int stories)
    {
        var terms = Size(reader);
        var postings = new Dictionary<string, int[]>(terms, StringComparer.Ordinal);
        for (var t = 0; t < terms; t++)
        {
            var term = Count(reader);
            if (term >= names.Length)
            {
                throw new InvalidDataException($"the index names term {term}, which is not named");
            }

            var positions = new int[Size(reader)];
            for (var k = 0; k < positions.Length; k++)
            {
                positions[k] = Count(reader) - 1;
                if (positions[k] >= stories)
                {
                    throw new InvalidDataException($"the index of term {names[term]} names story {positions[k]} of {stories}");
                }
            }

            postings[names[term]] = positions;
        }

        return postings;
    }

    private static void WriteTime(BinaryWriter writer, DateTimeOffset time)
    {
        writer.Write(time.UtcTicks);
        writer.Write((short)time.Offset.TotalMinutes);
    }

    private static DateTimeOffset ReadTime(BinaryReader reader)
    {
        var ticks = reader.ReadInt64();
        var offset = TimeSpan.FromMinutes(reader.ReadInt16());
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || offset.Duration() > TimeSpan.FromHours(14))
        {
            throw new InvalidDataException("a time in the binary story matcher snapshot is out of range");
        }

        return new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(offset);
    }

    /// <summary>Skips a story's entity counts: snapshots written before stories stopped keeping them carry some.</summary>
    private static void SkipEntityCounts(BinaryReader reader)
    {
        var count = Size(reader);
        for (var k = 0; k < count; k++)
        {
            reader.ReadString();
            Count(reader);
        }
    }

    private static void WritePairs(BinaryWriter writer, Dictionary<string, string> pairs)
    {
        writer.Write7BitEncodedInt(pairs.Count);
        foreach (var (key, value) in pairs)
        {
            writer.Write(key);
            writer.Write(value);
        }
    }

    private static Dictionary<string, string> ReadPairs(BinaryReader reader)
    {
        var count = Size(reader);
        var pairs = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var k = 0; k < count; k++)
        {
            pairs[reader.ReadString()] = reader.ReadString();
        }

        return pairs;
    }

    /// <summary>A non-negative number: a count of articles, a document frequency, a gap between term ids.</summary>
    private static int Count(BinaryReader reader)
    {
        var value = reader.Read7BitEncodedInt();
        if (value < 0 || value > MaxCount)
        {
            throw new InvalidDataException($"a number of {value} in the binary story matcher snapshot is out of range");
        }

        return value;
    }

    /// <summary>How many items follow: never more than the bytes left, so corrupt data cannot make it allocate much.</summary>
    private static int Size(BinaryReader reader)
    {
        var value = Count(reader);
        var left = reader.BaseStream.Length - reader.BaseStream.Position;
        if (value > left)
        {
            throw new InvalidDataException($"{value} items cannot follow in the {left} bytes left of the binary story matcher snapshot");
        }

        return value;
    }
}
