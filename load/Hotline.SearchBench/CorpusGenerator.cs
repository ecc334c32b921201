using Hotline.Search.Articles;
using Hotline.Search.Demo;

namespace Hotline.SearchBench;

/// <summary>
/// Generated corpora for the speed benchmark: articles stitched from the demo corpus's lines,
/// titles and keywords (fixed seed), so the vocabulary and lengths look like the real thing.
/// </summary>
internal static class CorpusGenerator
{
    public static IReadOnlyList<Article> Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        var demo = DemoCorpus.Articles();
        var lines = demo.SelectMany(a => a.Content.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var keywords = demo.SelectMany(a => a.Keywords).ToArray();
        var articles = new List<Article>(count);
        for (var i = 0; i < count; i++)
        {
            var basis = demo[random.Next(demo.Count)];
            var title = $"{basis.Title}（{keywords[random.Next(keywords.Length)]}）第{i}号";
            var body = new List<string>();
            var length = 0;
            var target = 450 + random.Next(300);
            while (length < target)
            {
                var line = lines[random.Next(lines.Length)];
                body.Add(line);
                length += line.Length;
            }

            var words = Enumerable.Range(0, 3 + random.Next(5)).Select(_ => keywords[random.Next(keywords.Length)]).Distinct().ToArray();
            articles.Add(new Article($"G-{i:D6}", title, basis.Category, basis.Department, words, basis.AppliesTo,
                string.Join('\n', body), basis.Updated, 1, []));
        }

        return articles;
    }
}
