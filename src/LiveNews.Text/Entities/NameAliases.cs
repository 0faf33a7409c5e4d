namespace LiveNews.Text.Entities;

/// <summary>Well-known names that are written in several unrelated ways (United States / U.S. / US / America).</summary>
public static class NameAliases
{
    private static readonly Dictionary<string, string> Canonical = new(StringComparer.Ordinal)
    {
        ["united states"] = "us", ["united states of america"] = "us", ["usa"] = "us", ["america"] = "us",
        ["united kingdom"] = "uk", ["britain"] = "uk", ["great britain"] = "uk",
        ["united nations"] = "un", ["european union"] = "eu",
        ["russian federation"] = "russia", ["kremlin"] = "russia", ["moscow"] = "russia",
        ["white house"] = "us", ["washington"] = "us",
        ["kiev"] = "kyiv", ["beijing"] = "china", ["peoples republic of china"] = "china",
        ["democratic peoples republic of korea"] = "north korea", ["dprk"] = "north korea",
        ["uae"] = "united arab emirates", ["ksa"] = "saudi arabia",
        // demonyms name their country
        ["american"] = "us", ["americans"] = "us", ["russian"] = "russia", ["russians"] = "russia",
        ["ukrainian"] = "ukraine", ["ukrainians"] = "ukraine", ["european"] = "europe", ["europeans"] = "europe",
        ["british"] = "uk", ["french"] = "france", ["german"] = "germany", ["germans"] = "germany",
        ["chinese"] = "china", ["japanese"] = "japan", ["israeli"] = "israel", ["israelis"] = "israel",
        ["palestinian"] = "palestine", ["palestinians"] = "palestine", ["iranian"] = "iran", ["iranians"] = "iran",
        ["iraqi"] = "iraq", ["iraqis"] = "iraq", ["syrian"] = "syria", ["syrians"] = "syria", ["saudi"] = "saudi arabia",
        ["saudis"] = "saudi arabia", ["turkish"] = "turkey", ["indian"] = "india", ["pakistani"] = "pakistan",
        ["afghan"] = "afghanistan", ["egyptian"] = "egypt", ["mexican"] = "mexico", ["canadian"] = "canada",
        ["australian"] = "australia", ["italian"] = "italy", ["spanish"] = "spain", ["greek"] = "greece",
        ["polish"] = "poland", ["korean"] = "korea", ["north korean"] = "north korea", ["south korean"] = "south korea",
        ["brazilian"] = "brazil", ["somali"] = "somalia", ["somalian"] = "somalia", ["somalis"] = "somalia",
        ["indians"] = "india", ["yemeni"] = "yemen", ["ethiopian"] = "ethiopia", ["kenyan"] = "kenya", ["thai"] = "thailand",
        ["filipino"] = "philippines", ["indonesian"] = "indonesia", ["vietnamese"] = "vietnam", ["dutch"] = "netherlands",
        ["swiss"] = "switzerland", ["swedish"] = "sweden", ["norwegian"] = "norway", ["danish"] = "denmark",
        ["irish"] = "ireland", ["scottish"] = "scotland", ["welsh"] = "wales", ["english"] = "england",
        ["lebanese"] = "lebanon", ["jordanian"] = "jordan", ["libyan"] = "libya", ["tunisian"] = "tunisia",
        ["moroccan"] = "morocco", ["algerian"] = "algeria", ["sudanese"] = "sudan", ["turk"] = "turkey", ["turks"] = "turkey",
        ["tibetan"] = "tibet", ["tibetans"] = "tibet", ["crimean"] = "crimea", ["georgian"] = "georgia",
        ["belarusian"] = "belarus", ["hungarian"] = "hungary", ["czech"] = "czech republic", ["austrian"] = "austria",
        ["belgian"] = "belgium", ["portuguese"] = "portugal", ["argentine"] = "argentina", ["argentinian"] = "argentina",
        ["chilean"] = "chile", ["colombian"] = "colombia", ["peruvian"] = "peru", ["haitian"] = "haiti", ["nigerian"] = "nigeria", ["venezuelan"] = "venezuela", ["cuban"] = "cuba",
    };

    /// <summary>The canonical folded form of a folded name, or the name itself.</summary>
    public static string Resolve(string foldedName) => Canonical.TryGetValue(foldedName, out var c) ? c : foldedName;
}
