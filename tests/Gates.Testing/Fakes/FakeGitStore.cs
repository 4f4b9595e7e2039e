using System.Security.Cryptography;
using System.Text;

namespace Gates.Testing.Fakes;

/// <summary>An in-memory Git object store: blobs, flat trees (path → blob), commits and branch refs.</summary>
public sealed class FakeGitStore
{
    public Dictionary<string, byte[]> Blobs { get; } = [];
    public Dictionary<string, Dictionary<string, string>> Trees { get; } = [];
    public Dictionary<string, FakeCommit> Commits { get; } = [];
    public Dictionary<string, string> Branches { get; } = [];

    public string AddBlob(byte[] content)
    {
        var sha = Hash("blob", content);
        Blobs[sha] = content;
        return sha;
    }

    public string AddTree(Dictionary<string, string> entries)
    {
        var sha = Hash("tree", Encoding.UTF8.GetBytes(string.Join("\n", entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.Value}"))));
        Trees[sha] = new Dictionary<string, string>(entries, StringComparer.Ordinal);
        return sha;
    }

    public string AddCommit(string tree, IReadOnlyList<string> parents, string message)
    {
        var sha = Hash("commit", Encoding.UTF8.GetBytes($"{tree}\n{string.Join(",", parents)}\n{message}\n{Commits.Count}"));
        Commits[sha] = new FakeCommit(sha, tree, parents, message);
        return sha;
    }

    /// <summary>Commits files on top of a branch (or creates it), as a person pushing to the repository would.</summary>
    public string Commit(string branch, IReadOnlyDictionary<string, string> files, string message = "change")
    {
        var parent = Branches.GetValueOrDefault(branch);
        var entries = parent is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(Trees[Commits[parent].Tree], StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            entries[path] = AddBlob(Encoding.UTF8.GetBytes(text));
        }

        var sha = AddCommit(AddTree(entries), parent is null ? [] : [parent], message);
        Branches[branch] = sha;
        return sha;
    }

    public string? ReadFile(string commit, string path) =>
        Commits.TryGetValue(commit, out var c) && Trees[c.Tree].TryGetValue(path, out var blob) ? Encoding.UTF8.GetString(Blobs[blob]) : null;

    public string? ReadBranchFile(string branch, string path) => Branches.TryGetValue(branch, out var head) ? ReadFile(head, path) : null;

    /// <summary>True when <paramref name="ancestor"/> is <paramref name="commit"/> or one of its ancestors.</summary>
    public bool IsAncestor(string ancestor, string commit)
    {
        var seen = new HashSet<string>();
        var queue = new Queue<string>([commit]);
        while (queue.Count > 0)
        {
            var sha = queue.Dequeue();
            if (sha == ancestor)
            {
                return true;
            }

            if (seen.Add(sha) && Commits.TryGetValue(sha, out var c))
            {
                foreach (var p in c.Parents)
                {
                    queue.Enqueue(p);
                }
            }
        }

        return false;
    }

    /// <summary><paramref name="commit"/> and every commit reachable from it through its parents.</summary>
    public HashSet<string> Reachable(string commit)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([commit]);
        while (queue.Count > 0)
        {
            var sha = queue.Dequeue();
            if (seen.Add(sha) && Commits.TryGetValue(sha, out var c))
            {
                foreach (var p in c.Parents)
                {
                    queue.Enqueue(p);
                }
            }
        }

        return seen;
    }

    public int CommitCount(string branch)
    {
        var count = 0;
        for (var sha = Branches.GetValueOrDefault(branch); sha is not null; sha = Commits[sha].Parents.FirstOrDefault())
        {
            count++;
        }

        return count;
    }

    private static string Hash(string kind, byte[] content) =>
        Convert.ToHexStringLower(SHA1.HashData([.. Encoding.UTF8.GetBytes(kind + " "), .. content]));
}

public sealed record FakeCommit(string Sha, string Tree, IReadOnlyList<string> Parents, string Message);
