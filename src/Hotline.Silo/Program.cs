using Hotline.Silo.Cli;

return await HotlineCli.RunAsync(args, Console.Out, Console.Error, Console.In);
