// The namespaces nearly every file of the command line names, said once for the project: Core's problems and
// result model, and the CLI's own wording. A global using brings names into scope and nothing else: which folder
// uses which is still read from the names a file uses (the layer-order test reads this file with the rest of the
// source).
global using System.Globalization;
global using System.Text;
global using XiqingSearch.Cli.Localization;
global using XiqingSearch.Core.Problems;
global using XiqingSearch.Core.Search.Model;
