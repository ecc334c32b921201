using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Hotline.Silo.Grains;

/// <summary>
/// Everything needed to turn one interface method call into a queued turn, built once per method:
/// a compiled delegate calling the method on the activation, and a factory for the typed call record.
/// </summary>
internal sealed class GrainMethodInvoker
{
    private static readonly ConcurrentDictionary<MethodInfo, GrainMethodInvoker> Cache = new();
    private static readonly MethodInfo CreateCallMethod =
        typeof(GrainMethodInvoker).GetMethod(nameof(CreateCall), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<object, object?[], Task> _method;
    private readonly Func<GrainId, Func<object, object?[], Task>, object?[], bool, CancellationToken, GrainCall> _createCall;
    private readonly bool _returnsValue;
    private readonly int _cancellationIndex;

    private GrainMethodInvoker(MethodInfo method)
    {
        Validate(method);
        var returnsValue = method.ReturnType.IsGenericType;
        var resultType = returnsValue ? method.ReturnType.GetGenericArguments()[0] : typeof(object);
        _returnsValue = returnsValue;
        _method = Compile(method);
        _createCall = CreateCallMethod.MakeGenericMethod(resultType)
            .CreateDelegate<Func<GrainId, Func<object, object?[], Task>, object?[], bool, CancellationToken, GrainCall>>();
        _cancellationIndex = Array.FindIndex(method.GetParameters(), p => p.ParameterType == typeof(CancellationToken));
    }

    public static GrainMethodInvoker For(MethodInfo method) => Cache.GetOrAdd(method, static m => new GrainMethodInvoker(m));

    /// <summary>Refuses, at registration, an interface the runtime could not call (fails fast instead of on first use).</summary>
    public static void ValidateInterface(Type grainInterface)
    {
        foreach (var type in grainInterface.GetInterfaces().Append(grainInterface))
        {
            foreach (var method in type.GetMethods())
            {
                Validate(method);
            }
        }
    }

    public Task Invoke(GrainRuntime runtime, GrainId id, object?[] args)
    {
        var cancellationToken = _cancellationIndex >= 0 ? (CancellationToken)args[_cancellationIndex]! : default;
        var call = _createCall(id, _method, args, _returnsValue, cancellationToken);
        runtime.Dispatch(call);
        return call.Completion;
    }

    private static GrainCall CreateCall<T>(
        GrainId target, Func<object, object?[], Task> method, object?[] args, bool returnsValue, CancellationToken cancellationToken) =>
        new GrainCall<T>(target, method, args, returnsValue, cancellationToken);

    private static void Validate(MethodInfo method)
    {
        var returnType = method.ReturnType;
        var isTask = returnType == typeof(Task) || (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>));
        if (!isTask)
        {
            throw new NotSupportedException($"Grain method {method.DeclaringType?.Name}.{method.Name} must return Task or Task<T>.");
        }

        if (method.IsGenericMethodDefinition || method.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            throw new NotSupportedException($"Grain method {method.DeclaringType?.Name}.{method.Name} may not be generic or take ref/out parameters.");
        }
    }

    private static Func<object, object?[], Task> Compile(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var arguments = method.GetParameters()
            .Select((p, i) => Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        var call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, arguments);
        return Expression.Lambda<Func<object, object?[], Task>>(Expression.Convert(call, typeof(Task)), grain, args).Compile();
    }
}
