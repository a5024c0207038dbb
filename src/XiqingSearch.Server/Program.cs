using XiqingSearch.Server;

ServerApp.Build(args).Run();
