namespace Gates.CanaryValidate.Analysis;

/// <summary>Where one gate stands after a look.</summary>
internal enum GateStatus
{
    /// <summary>The confidence sequence still contains the threshold.</summary>
    Undecided,

    /// <summary>The whole sequence lies on the passing side of the threshold.</summary>
    Pass,

    /// <summary>The whole sequence lies on the failing side of the threshold.</summary>
    Fail,

    /// <summary>Not enough observations yet to let the gate decide.</summary>
    TooFewSamples,

    /// <summary>A query returned no series.</summary>
    NoData,

    /// <summary>The newest scraped sample is older than the staleness limit.</summary>
    Stale,
}
