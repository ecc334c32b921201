using Hotline.Contracts.Organisation;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Organisation;

/// <summary>
/// The district and category lists as new tickets are checked against them, read from the store at most
/// once per <see cref="MaxAge"/> so creating a ticket costs no extra query; a change made through the CLI
/// or another host counts within that time, one made through this host's Administration service at once
/// (<see cref="Invalidate"/>).
/// </summary>
internal sealed class CachedTicketVocabulary(IDirectoryStore store, TimeProvider time) : ITicketVocabulary
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    private volatile Snapshot? _snapshot;

    public async ValueTask<TicketRefusedException?> CheckAsync(string? district, Category category, CancellationToken cancellationToken)
    {
        var lists = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        var trimmed = district?.Trim();
        if (!string.IsNullOrEmpty(trimmed) && !lists.Districts.Contains(trimmed))
        {
            return TicketRefusedException.Invalid("district", $"'{Shown(trimmed)}' is not on the city's district list");
        }

        return Label(category) is { } label && !lists.Categories.Contains(label)
            ? TicketRefusedException.Invalid("category", $"{label} is not on the category list")
            : null;
    }

    /// <summary>The next check reads the lists again.</summary>
    public void Invalidate() => _snapshot = null;

    /// <summary>The Chinese name a category has on the list; null for a value outside the enum (its own rule refuses it).</summary>
    public static string? Label(Category category) => category switch
    {
        Category.Consultation => "咨询",
        Category.Help => "求助",
        Category.Complaint => "投诉",
        Category.Report => "举报",
        Category.Suggestion => "建议",
        Category.Praise => "表扬",
        _ => null,
    };

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_snapshot is { } cached && now - cached.ReadAt < MaxAge && now >= cached.ReadAt)
        {
            return cached;
        }

        var districts = await store.ListValuesAsync(DirectoryLists.District, cancellationToken).ConfigureAwait(false);
        var categories = await store.ListValuesAsync(DirectoryLists.Category, cancellationToken).ConfigureAwait(false);
        var fresh = new Snapshot(districts.ToHashSet(StringComparer.Ordinal), categories.ToHashSet(StringComparer.Ordinal), now);
        _snapshot = fresh;
        return fresh;
    }

    private static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private sealed record Snapshot(HashSet<string> Districts, HashSet<string> Categories, DateTimeOffset ReadAt);
}
