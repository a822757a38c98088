namespace Ledger.Processes;

/// <summary>
/// Keeps what a child process printed: every line up to the one that says it is ready (e.g.
/// anvil's banner), then only a bounded tail, so a long-lived, chatty process neither blocks
/// on a full pipe (the pumps keep reading) nor grows memory without bound.
/// </summary>
internal sealed class ProcessOutputLog
{
    private const int TailLines = 200;

    private readonly Lock _lock = new();
    private readonly List<string> _head = [];
    private readonly Queue<string> _tail = new();
    private bool _headComplete;

    /// <summary>Appends one line, from either stream.</summary>
    public void Add(string line)
    {
        lock (_lock)
        {
            if (!_headComplete)
            {
                _head.Add(line);
                return;
            }
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
                _tail.Dequeue();
        }
    }

    /// <summary>Stops keeping every line; later lines only go to the bounded tail.</summary>
    public void CompleteHead()
    {
        lock (_lock)
            _headComplete = true;
    }

    /// <summary>The lines up to the marker (all so far while it has not come).</summary>
    public IReadOnlyList<string> Head()
    {
        lock (_lock)
            return [.. _head];
    }

    /// <summary>The lines kept so far: the head, then the tail.</summary>
    public IReadOnlyList<string> Lines()
    {
        lock (_lock)
            return [.. _head, .. _tail];
    }
}
