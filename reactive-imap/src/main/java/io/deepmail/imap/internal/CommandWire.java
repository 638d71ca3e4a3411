package io.deepmail.imap.internal;

import io.deepmail.imap.command.Append;
import io.deepmail.imap.command.Authenticate;
import io.deepmail.imap.command.Capability;
import io.deepmail.imap.command.Close;
import io.deepmail.imap.command.Copy;
import io.deepmail.imap.command.Create;
import io.deepmail.imap.command.Delete;
import io.deepmail.imap.command.Enable;
import io.deepmail.imap.command.Examine;
import io.deepmail.imap.command.Expunge;
import io.deepmail.imap.command.Fetch;
import io.deepmail.imap.command.Id;
import io.deepmail.imap.command.Idle;
import io.deepmail.imap.command.ImapCommand;
import io.deepmail.imap.command.ListMailboxes;
import io.deepmail.imap.command.Login;
import io.deepmail.imap.command.Logout;
import io.deepmail.imap.command.Move;
import io.deepmail.imap.command.Namespace;
import io.deepmail.imap.command.Noop;
import io.deepmail.imap.command.Search;
import io.deepmail.imap.command.Select;
import io.deepmail.imap.command.StartTls;
import io.deepmail.imap.command.Status;
import io.deepmail.imap.command.Store;
import io.deepmail.imap.command.UidExpunge;
import io.deepmail.imap.command.Unselect;
import io.deepmail.imap.internal.codec.Arg;
import io.deepmail.imap.response.CapabilityData;
import io.deepmail.imap.response.ESearchData;
import io.deepmail.imap.response.EnabledData;
import io.deepmail.imap.response.ExistsData;
import io.deepmail.imap.response.ExpungeData;
import io.deepmail.imap.response.FetchChunk;
import io.deepmail.imap.response.FetchData;
import io.deepmail.imap.response.FlagsData;
import io.deepmail.imap.response.IdData;
import io.deepmail.imap.response.ListData;
import io.deepmail.imap.response.ModifiedUtf7;
import io.deepmail.imap.response.NamespaceData;
import io.deepmail.imap.response.OtherData;
import io.deepmail.imap.response.SearchData;
import io.deepmail.imap.response.StatusData;
import io.deepmail.imap.response.Untagged;
import io.deepmail.imap.response.UntaggedStatus;
import io.deepmail.imap.response.VanishedData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The arguments of each command and the untagged data it collects: one exhaustive mapping. */
final class CommandWire {

    private CommandWire() {
    }

    static List<Arg> args(ImapCommand command, boolean utf8Names) {
        if (command instanceof Capability || command instanceof Noop || command instanceof Logout
                || command instanceof StartTls || command instanceof Expunge || command instanceof Idle
                || command instanceof Unselect || command instanceof Close || command instanceof Namespace) {
            return List.of();
        }
        if (command instanceof Id c) {
            if (c.parameters().isEmpty()) {
                return List.of(new Arg.Raw("NIL"));
            }
            List<Arg> pairs = new ArrayList<>();
            c.parameters().forEach((k, v) -> {
                pairs.add(new Arg.Quoted(k));
                pairs.add(new Arg.Quoted(v));
            });
            return List.of(new Arg.Parens(pairs));
        }
        if (command instanceof UidExpunge c) {
            return List.of(new Arg.Raw(c.uidSet()));
        }
        if (command instanceof Login c) {
            return List.of(new Arg.Str(c.username()), new Arg.Str(c.password()));
        }
        if (command instanceof Authenticate c) {
            return c.initialResponse() == null ? List.of(new Arg.Raw(c.mechanism()))
                    : List.of(new Arg.Raw(c.mechanism()), new Arg.Raw(c.initialResponse()));
        }
        if (command instanceof Enable c) {
            return c.capabilities().stream().<Arg>map(Arg.Raw::new).toList();
        }
        if (command instanceof ListMailboxes c) {
            List<Arg> args = new ArrayList<>(List.of(new Arg.Str(c.reference()), new Arg.Str(name(c.pattern(),
                    utf8Names))));
            if (c.specialUse()) {
                args.add(new Arg.Raw("RETURN (SPECIAL-USE)"));
            }
            return args;
        }
        if (command instanceof Status c) {
            return List.of(mailbox(c.mailbox(), utf8Names), new Arg.Raw("(" + String.join(" ", c.items()) + ")"));
        }
        if (command instanceof Select c) {
            return withParameters(mailbox(c.mailbox(), utf8Names), c.options().wire());
        }
        if (command instanceof Examine c) {
            return withParameters(mailbox(c.mailbox(), utf8Names), c.options().wire());
        }
        if (command instanceof Create c) {
            return List.of(mailbox(c.mailbox(), utf8Names));
        }
        if (command instanceof Delete c) {
            return List.of(mailbox(c.mailbox(), utf8Names));
        }
        if (command instanceof Fetch c) {
            List<Arg> args = new ArrayList<>(List.of(new Arg.Raw(c.sequenceSet()),
                    new Arg.Raw("(" + String.join(" ", c.items()) + ")")));
            if (!c.modifiers().isEmpty()) {
                args.add(new Arg.Raw(c.modifiers()));
            }
            return args;
        }
        if (command instanceof Search c) {
            return c.returnOptions().isEmpty() ? List.of(new Arg.Raw(c.criteria()))
                    : List.of(new Arg.Raw("RETURN (" + String.join(" ", c.returnOptions()) + ")"),
                            new Arg.Raw(c.criteria()));
        }
        if (command instanceof Store c) {
            List<Arg> args = new ArrayList<>(List.of(new Arg.Raw(c.sequenceSet())));
            if (c.unchangedSince() >= 0) {
                args.add(new Arg.Raw("(UNCHANGEDSINCE " + c.unchangedSince() + ")"));
            }
            args.add(new Arg.Raw(c.action().item() + (c.silent() ? ".SILENT" : "")));
            args.add(new Arg.Raw("(" + String.join(" ", c.flags()) + ")"));
            return args;
        }
        if (command instanceof Copy c) {
            return List.of(new Arg.Raw(c.sequenceSet()), mailbox(c.mailbox(), utf8Names));
        }
        if (command instanceof Move c) {
            return List.of(new Arg.Raw(c.sequenceSet()), mailbox(c.mailbox(), utf8Names));
        }
        if (command instanceof Append c) {
            List<Arg> args = new ArrayList<>();
            args.add(mailbox(c.mailbox(), utf8Names));
            if (!c.flags().isEmpty()) {
                args.add(new Arg.Raw("(" + String.join(" ", c.flags()) + ")"));
            }
            args.add(new Arg.Streamed(c.size(), c.content(), c.binary()));
            return args;
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    static Set<Class<? extends Untagged>> accepts(ImapCommand command) {
        if (command instanceof Capability || command instanceof Login || command instanceof Authenticate) {
            return Set.of(CapabilityData.class);
        }
        if (command instanceof Logout) {
            return Set.of(UntaggedStatus.class);
        }
        if (command instanceof Enable) {
            return Set.of(EnabledData.class);
        }
        if (command instanceof ListMailboxes) {
            return Set.of(ListData.class);
        }
        if (command instanceof Status) {
            return Set.of(StatusData.class);
        }
        if (command instanceof Select c && c.options().qresync() != null
                || command instanceof Examine e && e.options().qresync() != null) {
            // RFC 7162 §3.2.5.1: what changed since the client's mod-sequence comes with the answer
            return Set.of(UntaggedStatus.class, ExistsData.class, FlagsData.class, OtherData.class, FetchData.class,
                    VanishedData.class);
        }
        if (command instanceof Select || command instanceof Examine) {
            return Set.of(UntaggedStatus.class, ExistsData.class, FlagsData.class, OtherData.class);
        }
        if (command instanceof Fetch c) {
            return c.vanished() ? Set.of(FetchData.class, FetchChunk.class, VanishedData.class)
                    : Set.of(FetchData.class, FetchChunk.class);
        }
        if (command instanceof Search) {
            return Set.of(SearchData.class, ESearchData.class, OtherData.class);
        }
        if (command instanceof Id) {
            return Set.of(IdData.class);
        }
        if (command instanceof Namespace) {
            return Set.of(NamespaceData.class);
        }
        if (command instanceof Store) {
            return Set.of(FetchData.class);
        }
        if (command instanceof Move || command instanceof Expunge || command instanceof UidExpunge) {
            return Set.of(ExpungeData.class, UntaggedStatus.class);
        }
        if (command instanceof Idle) {
            return Set.of(Untagged.class);
        }
        return Set.of();
    }

    private static List<Arg> withParameters(Arg mailbox, String parameters) {
        return parameters.isEmpty() ? List.of(mailbox) : List.of(mailbox, new Arg.Raw(parameters));
    }

    private static Arg mailbox(String name, boolean utf8Names) {
        return new Arg.Str(name(name, utf8Names));
    }

    private static String name(String name, boolean utf8Names) {
        return utf8Names || name.equalsIgnoreCase("INBOX") ? name : ModifiedUtf7.encode(name);
    }
}
