namespace Hotline.Search.Engine.Embedded;

/// <summary>
/// BM25F parameters: per-field boosts (title > keywords > content) and length normalisation.
/// Titles and keyword lists are short and say what the article is about, so they count more and
/// are normalised less than the body. A keyword found whole in the query adds PhraseBoost × its idf.
/// Official terms the colloquial lexicon adds count LexiconWeight × the entry's weight; articles
/// used on the HistoryNeighbours most similar past tickets gain HistoryWeight × their vote × the
/// best text score; a caller's word used in tickets for many departments counts down to
/// 1 − GeneralityPenalty; a candidate's score is scaled by the share of the query's term weight it
/// matched to the power CoverageExponent; an official term's weight is shared among its n bigrams as
/// ÷ n^LexiconLengthNorm; a title that shares only one query term keeps LoneTitleFactor of that
/// term's title part; a question of n terms keeps n ÷ (n + HistoryHalfLength) of its history lift;
/// the m alternatives one synonym group adds share its weight as ÷ m^SynonymGroupNorm; a far commoner
/// homophone of a bigram the index knows stands in at KnownVariantWeight (an unknown bigram's at 0.8).
/// The last eleven were chosen by cross-validation on the tuning data (the tuning
/// halves of the blind, colloquial, blind3 and blind4 questions and the older sets), each set ranked without the
/// lexicon files written from it (load/Hotline.SearchBench, section "tune").
/// </summary>
internal sealed record RankingWeights(
    float TitleBoost = 2f,
    float KeywordBoost = 3f,
    float ContentBoost = 1f,
    float TitleB = 0.3f,
    float KeywordB = 0.3f,
    float ContentB = 0.75f,
    float K1 = 1.2f,
    float PhraseBoost = 1f,
    float LexiconWeight = 0.5f,
    float HistoryWeight = 3f,
    int HistoryNeighbours = 3,
    float GeneralityPenalty = 0f,
    float CoverageExponent = 0f,
    float LexiconLengthNorm = 0.5f,
    float LoneTitleFactor = 1f,
    float HistoryHalfLength = 8f,
    float SynonymGroupNorm = 0.5f,
    float KnownVariantWeight = 0.4f)
{
    public static RankingWeights Default { get; } = new();
}
