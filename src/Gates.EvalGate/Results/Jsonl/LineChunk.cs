namespace Gates.EvalGate.Results.Jsonl;

/// <summary>Whole lines of a file in a pooled buffer: <see cref="Length"/> bytes starting at line <see cref="FirstLine"/>, <see cref="LineCount"/> lines.</summary>
internal sealed record LineChunk(byte[] Buffer, int Length, long FirstLine, int LineCount);
