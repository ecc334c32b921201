using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hotline.Search.Articles;

/// <summary>JSON options that leave Chinese text readable in exported files.</summary>
internal static class ArticleJsonOptions
{
    public static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
