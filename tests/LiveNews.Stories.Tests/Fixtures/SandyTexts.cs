namespace LiveNews.Stories.Tests.Fixtures;

/// <summary>Two halves of one story (Hurricane Sandy in the Caribbean, then in New York) for merge tests.</summary>
internal static class SandyTexts
{
    public const string Caribbean = "Hurricane Sandy battered Jamaica and eastern Cuba on Thursday, killing at least eleven people in Santiago de Cuba. "
        + "The storm tore roofs off houses in Kingston and flooded coastal roads across Jamaica. "
        + "Cuban officials said Sandy destroyed thousands of homes in Santiago de Cuba and Holguin.";

    public const string NewYork = "Hurricane Sandy forced New York City to shut its subway and bus network on Sunday as the storm approached the coast. "
        + "Mayor Michael Bloomberg ordered the evacuation of low-lying parts of Manhattan and Brooklyn. "
        + "Forecasters said Sandy would bring a record storm surge to New York Harbor.";
}
