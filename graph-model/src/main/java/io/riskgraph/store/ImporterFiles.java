package io.riskgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Input files for Neo4j's offline importer ({@code neo4j-admin database import full}): per label and per relationship
 * type one or more groups of a header file and a data file. Node ids are integers, one id space per label; strings
 * are quoted, arrays joined with {@link #ARRAY_DELIMITER}.
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

    /** The importer's arguments for these files (the database name, memory and overwrite options are the caller's). */
    public List<String> arguments() {
        List<String> args = new ArrayList<>();
        args.add("--id-type=integer");
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
