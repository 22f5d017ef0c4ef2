package io.riskgraph.workflow;

import java.time.Instant;

/**
 * A saved network investigation of one user: what the page drew (nodes with positions, links, notes) as the page's
 * own JSON document, which the store keeps as it is.
 *
 * @param id        random id, assigned when first saved
 * @param owner     the name of the API key that saved it; only the owner changes or deletes it
 * @param name      a title for lists
 * @param notes     free text of the investigator
 * @param shared    whether other users allowed to read investigations may open it (read only)
 * @param content   the page's JSON document (nodes, positions, links, per-node notes), at most {@link #CONTENT_MAX} chars
 * @param createdAt when first saved
 * @param updatedAt when last saved
 */
public record Investigation(String id, String owner, String name, String notes, boolean shared, String content,
                            Instant createdAt, Instant updatedAt) {
    /** The largest content stored: 2,000 nodes with positions and notes fit several times over. */
    public static final int CONTENT_MAX = 4_000_000;
    public static final int NAME_MAX = 200;

    public Investigation {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("id is required");
        if (owner == null || owner.isBlank()) throw new IllegalArgumentException("owner is required");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name is required");
        if (name.length() > NAME_MAX) throw new IllegalArgumentException("name is longer than " + NAME_MAX + " characters");
        if (content == null) throw new IllegalArgumentException("content is required");
        if (content.length() > CONTENT_MAX) throw new IllegalArgumentException("content is longer than " + CONTENT_MAX + " characters");
        if (notes == null) notes = "";
    }
}
