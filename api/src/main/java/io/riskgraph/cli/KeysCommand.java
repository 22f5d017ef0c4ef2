package io.riskgraph.cli;

import io.riskgraph.api.ApiKeys;
import io.riskgraph.api.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Manage API keys (stored as SHA-256 hashes in api-keys.jsonl in the store folder or --api-dir).",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand {

    static final class Where {
        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--api-dir", paramLabel = "DIR",
                description = "Folder of api-keys.jsonl (default: the store folder, or ~/.riskgraph with --uri).")
        Path apiDir;

        ApiKeys keys() { return new ApiKeys(ServeCommand.apiDir(storeOptions, apiDir)); }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key and print it (once).")
    static final class Create implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Where where;
        @Option(names = "--role", required = true, description = "consumer, analyst, investigator or admin.")
        String role;
        @Option(names = "--name", required = true, description = "Who the key is for (shown in the audit log).")
        String name;

        @Override
        public Integer call() {
            ApiKeys.Created k = where.keys().create(name, Role.parse(role));
            PrintWriter out = spec.commandLine().getOut();
            out.println(k.secret());
            spec.commandLine().getErr().println("key '" + name + "' (" + k.key().role().lower()
                    + ") created; it is shown only now, store it safely");
            return Main.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (names, roles, dates; never the keys).")
    static final class ListKeys implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Where where;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-24s %-13s %-28s %s%n", "name", "role", "created", "revoked");
            for (ApiKeys.Key k : where.keys().list()) {
                out.printf("%-24s %-13s %-28s %s%n", k.name(), k.role().lower(), k.created(), k.revoked() == null ? "-" : k.revoked());
            }
            return Main.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke the active key of that name.")
    static final class Revoke implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Where where;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            if (!where.keys().revoke(name)) throw new IllegalArgumentException("no active key named '" + name + "'");
            spec.commandLine().getOut().println("key '" + name + "' revoked");
            return Main.OK;
        }
    }
}
