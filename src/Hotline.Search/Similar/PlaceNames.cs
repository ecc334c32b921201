using System.Text.RegularExpressions;
using Hotline.Search.Analysis;

namespace Hotline.Search.Similar;

/// <summary>
/// Pulls place names out of ticket text: a few Han characters ending in a place word (小区, 家园,
/// 路, 交口, 村 …). Boundaries are fuzzy without a gazetteer, so places are compared by their
/// bigrams rather than as exact strings.
/// </summary>
internal static partial class PlaceNames
{
    private static readonly string[] NotPlaces = ["家里", "这里", "那里", "哪里", "夜里", "屋里", "心里", "手里", "村里", "城里", "楼里", "院里"];

    public static IReadOnlyList<string> Extract(string text)
    {
        var places = new List<string>();
        foreach (Match match in PlacePattern().Matches(TextFolding.Fold(text)))
        {
            var place = match.Value;
            if (NotPlaces.Any(n => place.EndsWith(n, StringComparison.Ordinal)))
            {
                continue;
            }

            // Drop a leading district name (河西区锦绣园 → 锦绣园): the district is compared separately.
            var district = place.IndexOf('区');
            if (district >= 0 && district < place.Length - 3)
            {
                place = place[(district + 1)..];
            }

            places.Add(place);
        }

        return places;
    }

    public static HashSet<ulong> Bigrams(IEnumerable<string> places)
    {
        var keys = new HashSet<ulong>();
        foreach (var place in places)
        {
            for (var i = 0; i + 1 < place.Length; i++)
            {
                keys.Add(TermKey.Bigram(place[i], place[i + 1]));
            }
        }

        return keys;
    }

    [GeneratedRegex(@"[\u4e00-\u9fff0-9]{2,8}?(?:小区|家园|花园|新村|公寓|大厦|广场|商场|市场|公园|医院|小学|中学|工业园|园区|交口|大街|村|里|苑|路|道|街|桥|镇)")]
    private static partial Regex PlacePattern();
}
