using Routing.Host.Pages;

namespace Routing.Tests.WebConsole;

/// How the console says counts and spans.
public sealed class WordsTests
{
    [Theory]
    [InlineData(0, "0 fields")]
    [InlineData(1, "1 field")]
    [InlineData(2, "2 fields")]
    [InlineData(1200, "1,200 fields")]
    public void A_count_takes_the_singular_only_for_one(long count, string said) => Assert.Equal(said, Words.Plural(count, "field"));

    [Fact]
    public void An_irregular_plural_is_given() => Assert.Equal("3 replies", Words.Plural(3, "reply", "replies"));

    [Theory]
    [InlineData("00:00:29", "under 1 min")]
    [InlineData("00:00:30", "1 min")]
    [InlineData("00:20:10", "20 min")]
    [InlineData("00:20:40", "21 min")]
    [InlineData("02:20:00", "2 h 20 min")]
    [InlineData("02:20:29", "2 h 20 min")]
    [InlineData("00:59:40", "1 h 0 min")]
    [InlineData("23:59:40", "1 d 0 h")]
    [InlineData("1.05:40:00", "1 d 6 h")]
    [InlineData("1.05:20:00", "1 d 5 h")]
    public void A_span_is_rounded_to_the_nearest_unit_shown(string span, string said) => Assert.Equal(said, Words.Span(TimeSpan.Parse(span)));
}
