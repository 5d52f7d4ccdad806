using Studies.Cli;

return await StudiesCli.RunAsync(args);
