package io.deepmail.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code deepmail} command. Without a subcommand it runs {@code deepmail sandbox}.
 */
@Command(name = "deepmail", mixinStandardHelpOptions = true, version = "deepmail 0.1.0-SNAPSHOT",
        description = "RFC 8314 mail client checks: an embedded sandbox demonstration, probes, connections, latches "
                + "and audits.%nWithout a subcommand, runs 'deepmail sandbox'.",
        subcommands = {SandboxCommand.class, ConnectCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok (probe: every endpoint secure)", "1:error, or a sandbox expectation failed",
            "2:bad argument", "3:TLS policy", "4:certificate or identity", "5:DANE or DNSSEC bogus",
            "6:latch violation", "7:authentication", "8:protocol", "9:network", "10:insecure or needs confirmation"})
public final class DeepmailCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @CommandLine.Mixin
    private GlobalOptions global;

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        if (!java.util.Arrays.asList(args).contains("--debug")) {
            // The embedded servers' threads report a refused handshake with a stack trace; keep them quiet.
            Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> { });
        }
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with its error handling: a bad argument or a failure prints one line on
     * standard error (with {@code --debug}, the stack trace too) and exits with its {@link ExitCode}.
     *
     * @return a new command line; set its out and err writers to capture output
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DeepmailCommand());
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("deepmail: " + ex.getMessage().replace('\n', ' ') + " (see --help)");
            err.flush();
            return ExitCode.USAGE.code();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            ExitCode code = ex instanceof UsageException ? ExitCode.USAGE : Failures.classify(ex, false);
            err.println("deepmail: " + (ex instanceof UsageException ? ex.getMessage() : Failures.describe(ex)));
            if (GlobalOptions.debug(parseResult)) {
                ex.printStackTrace(err);
            }
            err.flush();
            return code.code();
        });
        return cl;
    }

    @Override
    public Integer call() throws Exception {
        CommandLine sandbox = spec.commandLine().getSubcommands().get("sandbox");
        return ((SandboxCommand) sandbox.getCommand()).call();
    }
}
