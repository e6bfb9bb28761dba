import ArgumentParser
import Foundation
import Geo
import VectorIO

/// Runs `body`, turning the errors a user can fix into one clear line and exit code 1.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as ExitCode { throw e } catch let e as ValidationError { throw e } catch let e as GDALUnavailable {
        // GDAL is loaded only when a command needs it: say which one did.
        FileHandle.standardError.write(Data("error: mapgen \(Mapgen.subcommandName(CommandLine.arguments)): \(e)\n".utf8))
        throw ExitCode(1)
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode(1)
    }
}

extension Mapgen {
    /// Parses and runs the command. Usage errors become one line — the problem, the option's
    /// help, and where to read more — with exit status 64; help and version print as usual.
    static func runReportingUsage(_ arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let e as ExitCode {
            return e.rawValue
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                return 0
            }
            FileHandle.standardError.write(Data("error: \(oneLine(fullMessage(for: error)))\n".utf8))
            return code.rawValue
        }
    }

    /// The subcommand `arguments` run (their first word naming one), else the default, `map`.
    static func subcommandName(_ arguments: [String]) -> String {
        let names = configuration.subcommands.map { $0.configuration.commandName ?? "" }
        return arguments.dropFirst().first { names.contains($0) } ?? "map"
    }

    /// "Error: …" + "Help: --opt <v>  text" + usage → "…; --opt <v>: text (see 'mapgen map --help')".
    static func oneLine(_ message: String) -> String {
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var text = (lines.first ?? "invalid arguments").replacingOccurrences(of: "Error: ", with: "")
        if let help = lines.first(where: { $0.hasPrefix("Help:") }) {
            let parts = help.dropFirst(5).trimmingCharacters(in: .whitespaces)
                .components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if parts.count >= 2 { text += "; \(parts[0]): \(parts.dropFirst().joined(separator: " "))" }
        }
        if let see = lines.first(where: { $0.hasPrefix("See '") }) {
            text += " (see " + see.dropFirst(4).replacingOccurrences(of: " for more information.", with: "") + ")"
        }
        return text
    }
}

/// On SIGINT or SIGTERM, removes the temporary files being written, then dies of the signal as
/// it would have: an interrupted run leaves the old outputs and no `.tmp` files behind.
enum SignalCleanup {
    /// Keep the returned sources alive for as long as the handlers should run.
    static func install() -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { sig in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                PendingTemporaries.shared.removeAll()
                signal(sig, SIG_DFL)
                kill(getpid(), sig)
            }
            source.resume()
            return source
        }
    }
}
