using System.Collections.Immutable;

namespace Grains.Benchmarks.Messages;

// Three message shapes, each twice: as our rules write messages ([GenerateSerializer, Immutable, Alias]) and
// the same without [Immutable]. Orleans' generated proxy deep-copies an argument whose type it cannot prove
// immutable on every call (inside a silo too; between silos before serializing it), and copies a result
// inside a silo likewise. The shapes are the feed's: an entry, a page of post IDs, a page of entries.

/// <summary>A feed entry, as the product's <c>FeedEntry</c>.</summary>
[GenerateSerializer, Immutable, Alias("bench.ImmutableEntry")]
public sealed record ImmutableEntry(long PostId, long AuthorId);

[GenerateSerializer, Alias("bench.CopiedEntry")]
public sealed record CopiedEntry(long PostId, long AuthorId);

/// <summary>A page of post IDs. ImmutableArray of longs is itself copy-free, so only the record is copied.</summary>
[GenerateSerializer, Immutable, Alias("bench.ImmutableIdPage")]
public sealed record ImmutableIdPage(ImmutableArray<long> PostIds);

[GenerateSerializer, Alias("bench.CopiedIdPage")]
public sealed record CopiedIdPage(ImmutableArray<long> PostIds);

/// <summary>A page of feed entries, as a timeline page: without [Immutable] on the entry, every entry is copied.</summary>
[GenerateSerializer, Immutable, Alias("bench.ImmutableEntryPage")]
public sealed record ImmutableEntryPage(ImmutableArray<ImmutableEntry> Entries);

[GenerateSerializer, Alias("bench.CopiedEntryPage")]
public sealed record CopiedEntryPage(ImmutableArray<CopiedEntry> Entries);

[GenerateSerializer, Alias("bench.MessageShape")]
public enum MessageShape
{
    Entry,
    IdPage,
    EntryPage,
}
