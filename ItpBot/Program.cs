using ItpBot;

var app = BotHost.Build(args);
app.Run();

/// <summary>Marker for tests.</summary>
public partial class Program;
