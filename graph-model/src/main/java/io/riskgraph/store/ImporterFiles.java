package io.riskgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Input files for Neo4j's offline importer ({@code neo4j-admin database import full}): per label and per relationship
 * type one or more groups of a header file and a data file. Node ids are integers, unique across every label (each
 * label is also an id group of its own, so that the files import with {@code --id-type=integer} as well as with
 * {@code actual}); strings are quoted, arrays joined with {@link #ARRAY_DELIMITER}.
 *
 * @param nodes            node groups; {@link Group#name()} is the label
 * @param relationships    relationship groups; {@link Group#name()} is the type
 * @param multilineFields  whether some quoted value holds a line break (the importer must then read fields whole)
 * @param nodeCount        data rows in the node groups
 * @param relationshipCount data rows in the relationship groups
 */
public record ImporterFiles(List<Group> nodes, List<Group> relationships, boolean multilineFields, long nodeCount,
                            long relationshipCount) {
    /** Between the elements of an array value: the canonical format's list separator, so no element holds it. */
    public static final char ARRAY_DELIMITER = '|';

    public ImporterFiles {
        nodes = List.copyOf(nodes);
        relationships = List.copyOf(relationships);
        for (Group g : nodes) g.requireUsablePaths();
        for (Group g : relationships) g.requireUsablePaths();
    }

    /** A header file and the data file it describes, for one label or relationship type. */
    public record Group(String name, Path header, Path data) {
        public Group {
            NodeKey.requireIdentifier("label or relationship type", name);
        }

        void requireUsablePaths() {
            for (Path p : List.of(header, data)) {
                String s = p.toString();
                if (s.indexOf(',') >= 0 || s.indexOf('=') >= 0) {
                    throw new IllegalArgumentException("the importer cannot take a file path with ',' or '=': " + s);
                }
            }
        }

        String argument() { return name + "=" + header + "," + data; }
    }

    /**
     * The importer's arguments for these files (the database name, memory and overwrite options are the caller's),
     * with {@code --id-type=integer}: the importer maps the ids to node ids of its own choosing, which depend on its
     * threads' timing. The portable choice, for a server's administrator.
     */
    public List<String> arguments() {
        return arguments(false);
    }

    /**
     * The importer's arguments for these files. {@code storeIds}: {@code --id-type=actual}, the files' ids become the
     * store's node ids (record format only), so the same files give the same node ids on every import, and the
     * importer skips mapping them (no id encoding, sorting or lookups).
     */
    public List<String> arguments(boolean storeIds) {
        List<String> args = new ArrayList<>();
        args.add(storeIds ? "--id-type=actual" : "--id-type=integer");
        args.add("--array-delimiter=" + ARRAY_DELIMITER);
        args.add("--multiline-fields=" + multilineFields);
        for (Group g : nodes) args.add("--nodes=" + g.argument());
        for (Group g : relationships) args.add("--relationships=" + g.argument());
        return args;
    }

    /** The size of every file together. */
    public long bytes() {
        long sum = 0;
        for (Group g : nodes) sum += size(g.header()) + size(g.data());
        for (Group g : relationships) sum += size(g.header()) + size(g.data());
        return sum;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
