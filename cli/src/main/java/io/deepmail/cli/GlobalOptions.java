package io.deepmail.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** Options every command accepts. */
public final class GlobalOptions {

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print the stack trace of a failure, and the library's log at INFO.")
    boolean debug;

    /**
     * Whether {@code --debug} was given anywhere on the command line.
     *
     * @param parseResult the parse result
     * @return whether to print stack traces
     */
    static boolean debug(ParseResult parseResult) {
        ParseResult r = parseResult;
        while (r != null) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
            r = r.hasSubcommand() ? r.subcommand() : null;
        }
        return false;
    }
}
