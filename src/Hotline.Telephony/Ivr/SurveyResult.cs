namespace Hotline.Telephony.Ivr;

/// <summary>The caller's satisfaction answer; the numbers are the keys pressed.</summary>
public enum SurveyResult
{
    None = 0,
    Satisfied = 1,
    BasicallySatisfied = 2,
    Unsatisfied = 3,
}
