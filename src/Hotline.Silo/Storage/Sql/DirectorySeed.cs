namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// The directory's lists as a new store starts with them (migration 4, same SQL on every database):
/// the city's 16 districts and the six ticket categories.
/// </summary>
internal static class DirectorySeed
{
    public const string Lists =
        """
        INSERT INTO directory_lists (list, value, position) VALUES
            ('district', '和平区', 1),
            ('district', '河东区', 2),
            ('district', '河西区', 3),
            ('district', '南开区', 4),
            ('district', '河北区', 5),
            ('district', '红桥区', 6),
            ('district', '东丽区', 7),
            ('district', '西青区', 8),
            ('district', '津南区', 9),
            ('district', '北辰区', 10),
            ('district', '武清区', 11),
            ('district', '宝坻区', 12),
            ('district', '滨海新区', 13),
            ('district', '宁河区', 14),
            ('district', '静海区', 15),
            ('district', '蓟州区', 16),
            ('category', '咨询', 1),
            ('category', '求助', 2),
            ('category', '投诉', 3),
            ('category', '举报', 4),
            ('category', '建议', 5),
            ('category', '表扬', 6);
        """;
}
