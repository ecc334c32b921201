using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hotline.Search.Articles;

/// <summary>Import and export of articles as JSON Lines, one article object per line.</summary>
public static class ArticleJsonLines
{
    /// <summary>Largest line accepted (a record); longer lines are reported, not buffered whole.</summary>
    public const int MaxLineLength = 1_000_000;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses every line, collecting every bad record with its line number and reason.</summary>
    public static ImportBatch Parse(TextReader reader, string source = "jsonl")
    {
        var drafts = new List<ArticleDraft>();
        var errors = new List<ImportError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (ReadLine(reader) is { } line)
        {
            lineNumber++;
            if (line.Text is null)
            {
                errors.Add(new ImportError(source, lineNumber, $"line is longer than {MaxLineLength} characters"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            var (draft, error) = ParseLine(line.Text);
            if (draft is not null && seen.TryGetValue(draft.Id, out var first))
            {
                error = $"duplicate id {draft.Id} (first on line {first})";
            }

            if (error is not null)
            {
                errors.Add(new ImportError(source, lineNumber, error));
                continue;
            }

            seen[draft!.Id] = lineNumber;
            drafts.Add(draft);
        }

        return new ImportBatch(drafts, errors);
    }

    /// <summary>Writes the articles, one JSON object per line, UTF-8 with Chinese unescaped.</summary>
    public static void Write(IEnumerable<Article> articles, Stream output)
    {
        foreach (var article in articles)
        {
            using (var writer = new Utf8JsonWriter(output, WriterOptions))
            {
                ArticleJson.Write(writer, article);
            }

            output.WriteByte((byte)'\n');
        }
    }

    private static (ArticleDraft? Draft, string? Error) ParseLine(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
            return ArticleJson.Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return (null, $"invalid JSON at position {e.BytePositionInLine}");
        }
    }

    /// <summary>Reads one line; Text is null when it was too long (the rest of it is skipped).</summary>
    private static (string? Text, bool _)? ReadLine(TextReader reader)
    {
        var builder = new StringBuilder();
        var tooLong = false;
        int c;
        var any = false;
        while ((c = reader.Read()) != -1)
        {
            any = true;
            if (c == '\n')
            {
                break;
            }

            if (c != '\r' && !tooLong)
            {
                builder.Append((char)c);
                tooLong = builder.Length > MaxLineLength;
            }
        }

        if (!any)
        {
            return null;
        }

        return tooLong ? (null, true) : (builder.ToString(), false);
    }
}
