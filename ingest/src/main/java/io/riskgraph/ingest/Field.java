package io.riskgraph.ingest;

/** A column of a canonical file: its name, how it parses, and whether a row without it is rejected. */
public record Field(String name, FieldType type, boolean required) {
    public static Field required(String name, FieldType type) { return new Field(name, type, true); }

    public static Field optional(String name, FieldType type) { return new Field(name, type, false); }
}
