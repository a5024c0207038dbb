using XiqingSearch.Server.Hosting;

ServerApp.Build(args).Run();
