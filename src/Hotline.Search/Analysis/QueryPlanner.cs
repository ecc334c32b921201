namespace Hotline.Search.Analysis;

/// <summary>
/// Turns a caller's words into weighted terms. Filler bigrams (怎么, 请问…) count little; synonym
/// members found in the query add the other members' terms; a bigram the index has never seen is
/// probably a typo, so its homophone/look-alike variants that the index does know stand in for it.
/// </summary>
internal sealed class QueryPlanner
{
    private const float FillerWeight = 0.2f;
    private const float SynonymWeight = 0.7f;
    private const float VariantWeight = 0.8f;
    private const int VariantsPerTerm = 2;

    private static readonly HashSet<ulong> Fillers = BuildFillers(
        "怎么 怎样 怎办 么办 么弄 如何 什么 啥时 哪里 哪儿 哪些 哪个 可以 能不 不能 能否 需要 要不 不要 请问 " +
        "我想 想问 问一 一下 多少 多久 有没 没有 是不 不是 我们 他们 你们 这个 那个 还有 的话 一个 现在 已经 " +
        "应该 吗 呢 吧 啊 了 的 是 我 要 想 能 在 去 有 和 都 也 还 就");

    private readonly SynonymTable _synonyms;
    private readonly CharacterVariants _variants;

    public QueryPlanner(SynonymTable synonyms, CharacterVariants variants)
    {
        _synonyms = synonyms;
        _variants = variants;
    }

    /// <param name="documentFrequency">How many indexed articles contain a term (0 if none).</param>
    public QueryPlan Plan(string query, Func<ulong, int> documentFrequency)
    {
        var folded = TextFolding.Fold(query);
        var weights = new Dictionary<ulong, float>();
        foreach (var token in TextAnalyzer.Analyze(folded))
        {
            if (weights.ContainsKey(token.Key))
            {
                continue;
            }

            var weight = Fillers.Contains(token.Key) ? FillerWeight : 1f;
            if (TermKey.IsBigram(token.Key) && documentFrequency(token.Key) == 0)
            {
                AddVariants(token.Key, weight, weights, documentFrequency);
            }

            weights[token.Key] = weight;
        }

        foreach (var alternative in _synonyms.AlternativesIn(folded))
        {
            foreach (var token in TextAnalyzer.Analyze(alternative))
            {
                weights.TryAdd(token.Key, SynonymWeight);
            }
        }

        var terms = weights.Select(p => new QueryTerm(p.Key, p.Value)).ToArray();
        return new QueryPlan(folded, terms, weights.Keys.ToHashSet());
    }

    private void AddVariants(ulong key, float weight, Dictionary<ulong, float> weights, Func<ulong, int> documentFrequency)
    {
        var (first, second) = TermKey.BigramChars(key);
        var candidates = new List<(ulong Key, int Df)>();
        foreach (var alt in _variants.Of(first))
        {
            Consider(TermKey.Bigram(alt, second));
        }

        foreach (var alt in _variants.Of(second))
        {
            Consider(TermKey.Bigram(first, alt));
        }

        foreach (var (variant, _) in candidates.OrderByDescending(c => c.Df).Take(VariantsPerTerm))
        {
            weights.TryAdd(variant, weight * VariantWeight);
        }

        void Consider(ulong variant)
        {
            var df = documentFrequency(variant);
            if (df > 0)
            {
                candidates.Add((variant, df));
            }
        }
    }

    private static HashSet<ulong> BuildFillers(string words)
    {
        var keys = new HashSet<ulong>();
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            keys.Add(word.Length == 1 ? TermKey.Unigram(word[0]) : TermKey.Bigram(word[0], word[1]));
        }

        return keys;
    }
}
