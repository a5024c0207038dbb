// The namespaces nearly every file of the server names, said once for the project: Core's problems and result
// model, the JSON options every answer is written with, and the HTTP problem mapping. A global using brings names
// into scope and nothing else: which folder uses which is still read from the names a file uses (the layer-order
// test reads this file with the rest of the source).
global using System.Globalization;
global using System.Text;
global using System.Text.Json;
global using XiqingSearch.Core.Json;
global using XiqingSearch.Core.Problems;
global using XiqingSearch.Core.Search.Model;
global using XiqingSearch.Server.Http;
