using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Studies.Backends.Local.Native;

/// <summary>
/// Finds and loads llama.cpp's native libraries once per process: from STUDIES_LLAMA_LIB_DIR, else the llama/ folder
/// beside the binaries (placed there by the build from the pinned npm package). Registers the per-CPU ggml backends
/// and routes llama.cpp's logging to an <see cref="ILogger"/> at Debug, so it is silent by default.
/// </summary>
internal static unsafe class LlamaRuntime
{
    public const string LibraryDirVariable = "STUDIES_LLAMA_LIB_DIR";

    private static readonly Lock InitLock = new();
    private static bool _initialized;
    private static string _libraryDir = "";
    private static ILogger _logger = NullLogger.Instance;

    // The last lines llama.cpp logged at warning or error level: they explain a failed load or decode.
    private static readonly Queue<string> RecentProblems = new();
    private static readonly StringBuilder PendingLine = new();

    [ThreadStatic]
    private static int _lastLevel;

    public static string LibraryDirectory => _libraryDir;

    /// <summary>llama.cpp's version string, the npm package pin and where the libraries came from.</summary>
    public static string Version { get; private set; } = "";

    public static void EnsureInitialized(ILogger? logger = null)
    {
        if (logger is not null)
        {
            _logger = logger;
        }

        lock (InitLock)
        {
            if (_initialized)
            {
                return;
            }

            _libraryDir = FindLibraryDirectory();
            NativeLibrary.SetDllImportResolver(typeof(LlamaRuntime).Assembly, Resolve);
            LlamaNative.llama_log_set(&OnLog, nint.Zero);
            LlamaNative.ggml_log_set(&OnLog, nint.Zero);
            LlamaNative.ggml_backend_load_all_from_path(_libraryDir);
            LlamaNative.llama_backend_init();
            Version = $"llama.cpp {Marshal.PtrToStringUTF8(LlamaNative.llama_version())} (npm @node-llama-cpp/linux-x64@{LlamaPin.NpmVersion}; {_libraryDir})";
            _initialized = true;
        }
    }

    /// <summary>What llama.cpp last complained about, for error messages; cleared by the call.</summary>
    public static string TakeRecentProblems()
    {
        lock (RecentProblems)
        {
            string text = string.Join(" ", RecentProblems.Select(l => l.Trim()));
            RecentProblems.Clear();
            return text;
        }
    }

    private static string FindLibraryDirectory()
    {
        string? fromEnv = Environment.GetEnvironmentVariable(LibraryDirVariable);
        string dir = string.IsNullOrWhiteSpace(fromEnv) ? Path.Combine(AppContext.BaseDirectory, "llama") : fromEnv;
        if (!Directory.Exists(dir) || Directory.GetFiles(dir, "libllama*.so*").Length == 0)
        {
            string from = string.IsNullOrWhiteSpace(fromEnv) ? "beside the program" : $"in {LibraryDirVariable}";
            throw new ModelBackendException(
                $"llama.cpp's native libraries were not found {from} ({dir}). Build the project with 'dotnet build' " +
                $"(it fetches them with npm: install Node.js and npm if missing), or point {LibraryDirVariable} at a folder holding libllama*.so and libggml*.so.");
        }

        return dir;
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        string pattern = name switch
        {
            LlamaNative.Llama => "libllama.*so*",
            LlamaNative.Ggml => "libggml.*so*",
            LlamaNative.GgmlBase => "libggml-base.*so*",
            _ => "",
        };
        if (pattern.Length == 0)
        {
            return nint.Zero;
        }

        // libllama.so / libllama.v0.5.0.so, but never libllama-common.so (libggml-base is the one dashed name wanted).
        string? file = Directory.GetFiles(_libraryDir, pattern)
            .Where(f => name == LlamaNative.GgmlBase || !Path.GetFileName(f).Contains('-'))
            .OrderBy(f => f.Length).FirstOrDefault();
        return file is null ? nint.Zero : NativeLibrary.Load(file);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(int level, nint text, nint userData)
    {
        try
        {
            // ggml levels: 1 debug, 2 info, 3 warn, 4 error, 5 continuation of the previous line (from the same thread).
            int effective = level == 5 ? _lastLevel : level;
            _lastLevel = effective;
            if (effective is not (3 or 4) && !_logger.IsEnabled(LogLevel.Debug))
            {
                return; // chatter nobody reads: not even turned into a string
            }

            string message = Marshal.PtrToStringUTF8(text) ?? "";
            lock (PendingLine)
            {
                PendingLine.Append(message);
                if (!message.EndsWith('\n'))
                {
                    return;
                }

                message = PendingLine.ToString().TrimEnd();
                PendingLine.Clear();
            }

            if (effective is 3 or 4)
            {
                lock (RecentProblems)
                {
                    RecentProblems.Enqueue(message);
                    while (RecentProblems.Count > 4)
                    {
                        RecentProblems.Dequeue();
                    }
                }
            }

            if (_logger.IsEnabled(LogLevel.Debug))
            {
                _logger.LogDebug("llama.cpp: {Message}", message);
            }
        }
        catch
        {
            // Never let an exception cross into native code.
        }
    }
}
