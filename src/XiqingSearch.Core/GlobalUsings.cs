// The namespaces nearly every file of Core names, said once for the project. A global using brings names into
// scope and nothing else: which folder uses which is still read from the names a file uses (the layer-order test
// reads this file with the rest of the source).
global using System.Globalization;
global using System.Text;
global using XiqingSearch.Core.Problems;
