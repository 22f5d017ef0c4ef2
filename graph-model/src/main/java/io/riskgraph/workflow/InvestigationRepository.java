package io.riskgraph.workflow;

import java.util.List;
import java.util.Optional;

/** Storage of saved investigations (port; the Spring Data Neo4j adapter lives in the cypher module). */
public interface InvestigationRepository {

    /** Stores the investigation, replacing one with the same id; returns it as stored. */
    Investigation save(Investigation investigation);

    Optional<Investigation> find(String id);

    /** The owner's investigations and those others shared, most recently saved first, without their content. */
    List<Investigation> visibleTo(String owner);

    /** Deletes the investigation if it exists and belongs to the owner; false otherwise. */
    boolean delete(String id, String owner);
}
