package io.riskgraph.risk.grading;

/** A model file that cannot be used: names the file, the line (0 when the whole file is at fault) and the field. */
public final class ModelException extends IllegalArgumentException {
    private final String file;
    private final int line;
    private final String field;

    public ModelException(String file, int line, String field, String message) {
        super(file + (line > 0 ? ":" + line : "") + (field == null ? "" : ": " + field) + ": " + message);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() { return file; }

    public int line() { return line; }

    public String field() { return field; }
}
