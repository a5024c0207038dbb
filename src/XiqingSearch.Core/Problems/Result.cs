namespace XiqingSearch.Core.Problems;

/// <summary>
/// A value or the problems that prevented it. Expected failures (bad input, a missing file) are values of
/// this type; bugs and unrecoverable I/O throw.
/// Invariant: exactly one of <see cref="Value"/> and a non-empty <see cref="Problems"/> is present.
/// </summary>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<Problem> problems)
    {
        _value = value;
        Problems = problems;
    }

    /// <summary>True when there is a value.</summary>
    public bool IsSuccess => Problems.Count == 0;

    /// <summary>The problems; empty on success.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>The value; throws when the result is a failure (a bug in the caller).</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException("Result has no value: " + string.Join("; ", Problems));

    /// <summary>A success.</summary>
    public static Result<T> Ok(T value) => new(value, []);

    /// <summary>A failure with at least one problem.</summary>
    public static Result<T> Fail(Problem first, params Problem[] more) => new(default, [first, .. more]);

    /// <summary>A failure with the given problems (at least one).</summary>
    public static Result<T> Fail(IReadOnlyList<Problem> problems)
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("A failed result needs at least one problem.", nameof(problems));
        }
        return new(default, problems);
    }

    /// <summary>Implicit success.</summary>
    public static implicit operator Result<T>(T value) => Ok(value);

    /// <summary>Implicit failure.</summary>
    public static implicit operator Result<T>(Problem problem) => Fail(problem);

    /// <summary>The value, or throws <see cref="XiqingException"/> with the first problem.</summary>
    public T ValueOrThrow() => IsSuccess ? _value! : throw new XiqingException(Problems[0]);
}
