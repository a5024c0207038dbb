using Lucene.Net.Documents;
using Lucene.Net.Util;
using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// Turns one paragraph into the Lucene document that holds it: each declared field (<see cref="FieldNames.All"/>),
/// in the declared order, written as its declaration says.
/// </summary>
internal static class LuceneDocumentFactory
{
    private static readonly FieldWriter[] s_writers = [.. FieldNames.All.Select(f => new FieldWriter(f))];

    /// <summary>
    /// The paragraph's Lucene document. With <paramref name="smartCn"/> (the writer's analyzer), the text is analysed
    /// here, once, for the text field's tokens and the stored words (<see cref="ParagraphDigest"/>); without, the
    /// writer analyses the text and no words are stored (readers analyse the text when they need them).
    /// </summary>
    public static Document Create(SourceDocument source, Paragraph paragraph, Lucene.Net.Analysis.Analyzer? smartCn = null)
    {
        var analyzed = smartCn is null ? null : AnalyzedText.Analyze(smartCn, paragraph.Text);
        var input = new IndexedParagraph(source, paragraph, analyzed);
        var document = new Document();
        foreach (var writer in s_writers)
        {
            writer.Write(document, input);
        }
        return document;
    }

    /// <summary>One declared field's Lucene field types, made once, and how a value becomes fields.</summary>
    private sealed class FieldWriter
    {
        private readonly IndexField _field;

        /// <summary>For <see cref="FieldSearch.Text"/>: the field as declared (stored or not), and its tokens alone.</summary>
        private readonly FieldType? _text;
        private readonly FieldType? _tokens;

        public FieldWriter(IndexField field)
        {
            if (field.Value is null == field.Values is null)
            {
                throw new InvalidOperationException($"Field {field.Name}: declare one value or several, not both or neither.");
            }
            _field = field;
            if (field.Search == FieldSearch.Text)
            {
                _text = TextType(field, field.Stored);
                _tokens = TextType(field, stored: false);
            }
        }

        public void Write(Document document, IndexedParagraph paragraph)
        {
            if (_field.Values is { } values)
            {
                foreach (var value in values(paragraph))
                {
                    Add(document, value, paragraph);
                }
                return;
            }
            var one = _field.Value!(paragraph);
            if (one.Kind != FieldValueKind.None)
            {
                Add(document, one, paragraph);
            }
        }

        private void Add(Document document, FieldValue value, IndexedParagraph paragraph)
        {
            var name = _field.Name;
            var store = _field.Stored ? Field.Store.YES : Field.Store.NO;
            switch (_field.Search)
            {
                case FieldSearch.Term:
                    document.Add(new StringField(name, value.Text, store));
                    break;
                case FieldSearch.Number:
                    document.Add(new Int32Field(name, checked((int)value.Number), store));
                    break;
                // The paragraph's text, already analysed by the writer's SmartCn: its tokens replayed, the text stored beside them.
                case FieldSearch.Text when _field.Analyzer == FieldAnalyzer.SmartCn && paragraph.Analyzed is { } analyzed
                    && ReferenceEquals(value.Text, paragraph.Paragraph.Text):
                    if (_field.Stored)
                    {
                        document.Add(new StoredField(name, value.Text));
                    }
                    document.Add(new Field(name, analyzed.Stream(), _tokens));
                    break;
                case FieldSearch.Text:
                    document.Add(new Field(name, value.Text, _text));
                    break;
                case FieldSearch.None when _field.Stored:
                    document.Add(Stored(name, value));
                    break;
            }
            switch (_field.DocValues)
            {
                case FieldDocValues.Sorted:
                    document.Add(new SortedDocValuesField(name, new BytesRef(value.Text)));
                    break;
                case FieldDocValues.Numeric:
                    document.Add(new NumericDocValuesField(name, value.Number));
                    break;
            }
        }

        /// <summary>A stored-only field of the value's kind (an Int32 stays four bytes).</summary>
        private static StoredField Stored(string name, FieldValue value) => value.Kind switch
        {
            FieldValueKind.String => new StoredField(name, value.Text),
            FieldValueKind.Int32 => new StoredField(name, checked((int)value.Number)),
            FieldValueKind.Int64 => new StoredField(name, value.Number),
            FieldValueKind.Double => new StoredField(name, value.Real),
            FieldValueKind.Bytes => new StoredField(name, value.Bytes),
            _ => throw new InvalidOperationException($"Field {name}: no value to store."),
        };

        private static FieldType TextType(IndexField field, bool stored)
        {
            var type = new FieldType
            {
                IsIndexed = true,
                IsTokenized = true,
                IsStored = stored,
                OmitNorms = !field.Norms,
                IndexOptions = field.Offsets
                    ? Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS
                    : Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS,
            };
            type.Freeze();
            return type;
        }
    }
}
