using System.Xml;
using System.Xml.Linq;
using Ledger.Core.Errors;

namespace Ledger.Core.Documents;

/// <summary>
/// Reads fields of a UN/CEFACT-style document by element local name, recording a problem
/// (field path and line) for each one missing or empty so that all are reported at once.
/// Namespaces are not compared: the vocabularies are versioned (…:17, :18, :21) while the
/// element names are stable, and the root's name already says which vocabulary it is.
/// </summary>
internal sealed class DocumentFields
{
    private readonly List<ValidationProblem> _problems = [];

    public IReadOnlyList<ValidationProblem> Problems => _problems;

    public bool HasProblems => _problems.Count > 0;

    /// <summary>The first element along <paramref name="path"/> ("A/B/C") below <paramref name="parent"/>, or null.</summary>
    public static XElement? Find(XElement parent, string path)
    {
        XElement? current = parent;
        foreach (var name in path.Split('/'))
            current = current?.Elements().FirstOrDefault(child => child.Name.LocalName == name);
        return current;
    }

    /// <summary>Every element along <paramref name="path"/>, following each step's every match.</summary>
    public static IEnumerable<XElement> FindAll(XElement parent, string path)
    {
        IEnumerable<XElement> current = [parent];
        foreach (var name in path.Split('/'))
            current = current.SelectMany(element => element.Elements().Where(child => child.Name.LocalName == name)).ToArray();
        return current;
    }

    /// <summary>The trimmed text at <paramref name="path"/>, or null when absent or blank.</summary>
    public static string? Text(XElement parent, string path) =>
        Find(parent, path)?.Value.Trim() is { Length: > 0 } text ? text : null;

    public XElement? Required(XElement parent, string path)
    {
        var element = Find(parent, path);
        if (element is null)
            Missing(parent, path);
        return element;
    }

    public string? RequiredText(XElement parent, string path)
    {
        var text = Text(parent, path);
        if (text is null)
            Missing(parent, path);
        return text;
    }

    public void Problem(XElement at, string message) => _problems.Add(new ValidationProblem(PathOf(at), message + LineOf(at)));

    public void Problem(XElement parent, string path, string message) =>
        _problems.Add(new ValidationProblem($"{PathOf(parent)}/{path}", message + LineOf(Find(parent, path) ?? parent)));

    private void Missing(XElement parent, string path) =>
        _problems.Add(new ValidationProblem($"{PathOf(parent)}/{path}", "is missing or empty; the ledger needs it" + LineOf(parent)));

    /// <summary>"document/Root/Child[2]/Leaf": local names, with a position where siblings share a name.</summary>
    public static string PathOf(XElement element)
    {
        var steps = element.AncestorsAndSelf().Reverse().Select(step =>
        {
            var same = step.Parent?.Elements().Where(sibling => sibling.Name == step.Name).ToList();
            return same is { Count: > 1 } ? $"{step.Name.LocalName}[{same.IndexOf(step) + 1}]" : step.Name.LocalName;
        });
        return "document/" + string.Join('/', steps);
    }

    private static string LineOf(XElement element) =>
        element is IXmlLineInfo info && info.HasLineInfo() ? $" (line {info.LineNumber})" : "";
}
