using System.Text;
using MuScore.Cli;

// Chinese names and headers must survive a Windows console too.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return CliApp.Run(args, CliConsole.System(), Environment.GetEnvironmentVariable, CancellationToken.None);
