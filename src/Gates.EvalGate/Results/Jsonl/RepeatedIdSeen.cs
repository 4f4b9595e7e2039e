namespace Gates.EvalGate.Results.Jsonl;

/// <summary>Thrown by a read that keeps no items when an id may repeat: the file is read again, keeping its ids.</summary>
internal sealed class RepeatedIdSeen() : Exception("an item id may repeat; read again keeping ids");
