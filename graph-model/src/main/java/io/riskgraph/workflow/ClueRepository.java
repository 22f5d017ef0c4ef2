package io.riskgraph.workflow;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage of warning clues (port; the Spring Data Neo4j adapter lives in the cypher module). Implementations
 * never replace a stored clue's status or history when the same finding is stored again.
 */
public interface ClueRepository {

    /**
     * Stores the clues whose id is not stored yet, each with status NEW and a creation entry in its history by
     * {@code by}; clues already stored are left as they are (status, history, evidence). Returns how many were new.
     */
    int storeNew(Collection<NewClue> clues, String by, Instant at);

    Optional<Clue> find(String id);

    /** Matching clues in the filter's order and page. */
    List<Clue> list(ClueFilter filter);

    /** How many clues match the filter, ignoring its paging. */
    long count(ClueFilter filter);

    /** Number of stored clues per rule code. */
    Map<String, Long> countByRule();

    /**
     * Records a status change already validated by the caller: sets {@code change.to()} and appends it to the
     * history, but only if the stored status is still {@code change.from()} (so two concurrent changes cannot
     * both apply). Returns the updated clue, or empty when the clue does not exist or its status moved on.
     */
    Optional<Clue> applyChange(String id, Clue.StatusChange change);
}
