using Hotline.Search.Lexicon;

namespace Hotline.Search.Analysis;

/// <summary>
/// Turns a caller's words into weighted terms. Filler bigrams (怎么, 请问…) count little; synonym
/// members found in the query add the other members' terms; a bigram the index has never seen is
/// probably a typo, so its homophone/look-alike variants that the index does know stand in for it;
/// colloquial phrases from the lexicon add the official terms they stand for.
/// </summary>
internal sealed class QueryPlanner
{
    private const int RepairRatio = 8;
    private const int UnigramExpansion = 16;
    private const float UnigramWeight = 0.5f;
    private const float SynonymWeight = 0.7f;
    private const float VariantWeight = 0.8f;
    private const int VariantsPerTerm = 2;

    /// <summary>
    /// Colloquial filler, blanked out of the query before bigramming: besides scoring nothing it
    /// would glue junk bigrams onto its neighbours (需要什么手续 → 要什, 么手). Longest first.
    /// </summary>
    private static readonly string[] Fillers =
        ("能不能 要不要 有没有 是不是 可不可以 怎么办 怎么样 咋办 怎么 怎样 如何 什么 啥时候 哪里 哪儿 哪些 哪个 " +
        "可以 需要 请问 我想 想问 一下 我们 他们 你们 这个 那个 的话 现在 已经 应该 大概 多少钱 一般 " +
        "吗 呢 吧 啊 呀 嘛 咋 啥 么 " +
        // The city's districts and their parts: callers say where they live, articles are citywide.
        "滨海新区 和平区 河西区 南开区 河东区 河北区 红桥区 东丽区 西青区 津南区 北辰区 武清区 宝坻区 静海区 宁河区 蓟州区 " +
        "塘沽 汉沽 大港")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private readonly SynonymTable _synonyms;
    private readonly CharacterVariants _variants;
    private readonly ColloquialLexicon _lexicon;
    private readonly float _lexiconWeight;
    private readonly TermGenerality _generality;
    private readonly float _generalityPenalty;

    public QueryPlanner(SynonymTable synonyms, CharacterVariants variants, ColloquialLexicon? lexicon = null, float lexiconWeight = 0,
        TermGenerality? generality = null, float generalityPenalty = 0)
    {
        _synonyms = synonyms;
        _variants = variants;
        _lexicon = lexicon ?? ColloquialLexicon.Empty;
        _lexiconWeight = lexiconWeight;
        _generality = generality ?? TermGenerality.Empty;
        _generalityPenalty = generalityPenalty;
    }

    /// <summary>
    /// How far an official term's weight is shared among its bigrams: each gets weight ÷ count^norm.
    /// An official term is one concept however long; without sharing, a long official name (a whole
    /// article title) outweighs the caller's own words.
    /// </summary>
    public float LexiconLengthNorm { get; init; }

    /// <summary>
    /// The weight of a far commoner variant of a bigram the index does know (身分 → 身份); an unknown
    /// bigram's variants always count <see cref="VariantWeight"/>.
    /// </summary>
    public float KnownBigramVariantWeight { get; init; } = VariantWeight;

    /// <summary>How far a synonym group's weight is shared among the alternatives it adds: each gets ÷ count^norm.</summary>
    public float SynonymGroupNorm { get; init; }

    /// <param name="documentFrequency">How many indexed articles contain a term (0 if none).</param>
    /// <param name="bigramsWith">Indexed bigrams containing a character, for one-character queries; null if unknown.</param>
    public QueryPlan Plan(string query, Func<ulong, int> documentFrequency, Func<char, IEnumerable<ulong>>? bigramsWith = null)
    {
        var folded = TextFolding.Fold(query);
        var tokens = TextAnalyzer.Analyze(BlankFillers(folded));
        if (tokens.Count == 0)
        {
            // Nothing but filler ("怎么办"): search the words as they are rather than nothing.
            tokens = TextAnalyzer.Analyze(folded);
        }

        var weights = new Dictionary<ulong, float>();
        var onlySingles = !tokens.Any(t => TermKey.IsBigram(t.Key));
        foreach (var token in tokens)
        {
            if (weights.ContainsKey(token.Key))
            {
                continue;
            }

            if (TermKey.IsBigram(token.Key))
            {
                AddVariants(token.Key, 1f, weights, documentFrequency);
            }
            else if (onlySingles && bigramsWith is not null && TermKey.IsUnigram(token.Key) && documentFrequency(token.Key) == 0)
            {
                // A query of lone characters (税) finds them only inside indexed bigrams: search the
                // commonest of those. With real bigrams present, stray single characters add nothing.
                foreach (var bigram in bigramsWith((char)(token.Key & 0xFFFF)).OrderByDescending(documentFrequency).Take(UnigramExpansion))
                {
                    weights.TryAdd(bigram, UnigramWeight);
                }
            }

            weights[token.Key] = _generality.Multiplier(token.Key, _generalityPenalty);
        }

        var phrases = new List<(string, float)> { (folded, 1f) };
        foreach (var group in _synonyms.AlternativeGroupsIn(folded))
        {
            // One concept however many names it has: 饭店 brings 餐饮店, 饭馆, 餐馆 and 小吃店, and an
            // article listing all of them would otherwise count the one word four times.
            var weight = SynonymWeight / MathF.Pow(group.Count, SynonymGroupNorm);
            foreach (var alternative in group)
            {
                phrases.Add((alternative, weight));
                foreach (var token in TextAnalyzer.Analyze(alternative))
                {
                    weights.TryAdd(token.Key, weight);
                }
            }
        }

        AddLexiconExpansions(folded, TypoRepair.Repair(folded, _variants, documentFrequency, RepairRatio), tokens.Select(t => t.Key).ToHashSet(), weights, phrases);
        var terms = weights.Select(p => new QueryTerm(p.Key, p.Value)).ToArray();
        return new QueryPlan(folded, terms, weights.Keys.ToHashSet(), phrases);
    }

    /// <summary>
    /// Official terms for colloquial phrases heard in the query, weighted below the caller's own
    /// words: a term the caller said keeps its full weight, and an official term already said adds nothing.
    /// Phrases are looked up in the typo-repaired text as well (<paramref name="repaired"/>, null if the same).
    /// </summary>
    private void AddLexiconExpansions(string folded, string? repaired, HashSet<ulong> own, Dictionary<ulong, float> weights, List<(string, float)> phrases)
    {
        if (_lexiconWeight <= 0)
        {
            return;
        }

        var officials = new Dictionary<string, float>(StringComparer.Ordinal);
        var matches = _lexicon.MatchesIn(folded);
        if (repaired is not null)
        {
            matches.AddRange(_lexicon.MatchesIn(repaired));
        }

        foreach (var (_, official, weight) in matches)
        {
            if (!folded.Contains(official, StringComparison.Ordinal))
            {
                officials[official] = Math.Max(officials.GetValueOrDefault(official), weight * _lexiconWeight);
            }
        }

        foreach (var (official, weight) in officials)
        {
            phrases.Add((official, weight));
            var tokens = TextAnalyzer.Analyze(official);
            var shared = weight / MathF.Pow(Math.Max(1, tokens.Count), LexiconLengthNorm);
            foreach (var token in tokens)
            {
                if (!own.Contains(token.Key))
                {
                    weights[token.Key] = Math.Max(weights.GetValueOrDefault(token.Key), shared);
                }
            }
        }
    }

    private void AddVariants(ulong key, float weight, Dictionary<ulong, float> weights, Func<ulong, int> documentFrequency)
    {
        var own = documentFrequency(key);
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

        // A typed bigram the index knows (在饭, across a word boundary) is more often meant than a slip.
        var share = own == 0 ? VariantWeight : KnownBigramVariantWeight;
        foreach (var (variant, _) in candidates.OrderByDescending(c => c.Df).Take(VariantsPerTerm))
        {
            weights.TryAdd(variant, weight * share);
        }

        void Consider(ulong variant)
        {
            var df = documentFrequency(variant);
            // A variant stands in when the typed bigram is unknown, or when the variant is far more
            // common (身分 vs 身份): a real but rare bigram is more likely a slip than meant.
            if (df > 0 && (own == 0 || df >= RepairRatio * own))
            {
                candidates.Add((variant, df));
            }
        }
    }

    internal static string BlankFillers(string folded)
    {
        var chars = folded.ToCharArray();
        foreach (var filler in Fillers)
        {
            var at = 0;
            while ((at = folded.IndexOf(filler, at, StringComparison.Ordinal)) >= 0)
            {
                Array.Fill(chars, ' ', at, filler.Length);
                at += filler.Length;
            }
        }

        return new string(chars);
    }
}
