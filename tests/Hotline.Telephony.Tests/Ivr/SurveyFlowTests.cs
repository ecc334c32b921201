using Hotline.Telephony.Ivr;
using Hotline.Telephony.Ivr.Actions;

namespace Hotline.Telephony.Tests.Ivr;

public sealed class SurveyFlowTests
{
    [Theory]
    [InlineData('1', SurveyResult.Satisfied)]
    [InlineData('2', SurveyResult.BasicallySatisfied)]
    [InlineData('3', SurveyResult.Unsatisfied)]
    public void Digit_AfterQuestion_ResultThenThanksThenHangUp(char key, SurveyResult expected)
    {
        var survey = new SurveyFlow(TimeSpan.FromSeconds(6));
        Assert.Equal(PromptNames.Survey, Assert.IsType<PlayPrompts>(Assert.Single(survey.Start())).Prompts.Single());
        survey.PromptFinished();

        Assert.Equal(PromptNames.Thanks, Assert.IsType<PlayPrompts>(Assert.Single(survey.Digit(key))).Prompts.Single());
        Assert.Equal([HangUp.Instance], survey.PromptFinished());
        Assert.Equal(expected, survey.Result);
        Assert.True(survey.IsFinished);
    }

    [Fact]
    public void Digit_DuringQuestion_BargesIn()
    {
        var survey = new SurveyFlow(TimeSpan.FromSeconds(6));
        survey.Start();

        Assert.Equal(StopPrompts.Instance, survey.Digit('1')[0]);
        Assert.Equal(SurveyResult.Satisfied, survey.Result);
    }

    [Fact]
    public void Timeout_Twice_NoResultAndHangUp()
    {
        var survey = new SurveyFlow(TimeSpan.FromSeconds(6));
        survey.Start();
        survey.PromptFinished();

        Assert.IsType<PlayPrompts>(Assert.Single(survey.Timeout()));
        survey.PromptFinished();
        Assert.Equal([HangUp.Instance], survey.Timeout());
        Assert.Equal(SurveyResult.None, survey.Result);
    }

    [Fact]
    public void Digit_WrongKeyThenThree_Unsatisfied()
    {
        var survey = new SurveyFlow(TimeSpan.FromSeconds(6));
        survey.Start();
        survey.PromptFinished();
        survey.Digit('7');
        survey.PromptFinished();

        survey.Digit('3');

        Assert.Equal(SurveyResult.Unsatisfied, survey.Result);
    }

    [Fact]
    public void CallerHungUp_BeforeAnswer_None()
    {
        var survey = new SurveyFlow(TimeSpan.FromSeconds(6));
        survey.Start();

        survey.CallerHungUp();

        Assert.Equal(SurveyResult.None, survey.Result);
        Assert.Empty(survey.Digit('1'));
    }
}
