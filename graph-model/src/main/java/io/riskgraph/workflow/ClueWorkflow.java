package io.riskgraph.workflow;

import java.time.Clock;
import java.util.Objects;

/**
 * The lifecycle rules of a clue over any {@link ClueRepository}: validates a status change (known clue, allowed
 * transition, a person's name) and records who made it and when.
 */
public final class ClueWorkflow {
    private final ClueRepository repository;
    private final Clock clock;

    public ClueWorkflow(ClueRepository repository, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Changes a clue's status.
     *
     * @throws UnknownClueException      if there is no clue with that id
     * @throws IllegalTransitionException if the clue's current status does not allow {@code target}
     * @throws IllegalArgumentException  if {@code by} is blank
     */
    public Clue changeStatus(String id, ClueStatus target, String by, String note) {
        Objects.requireNonNull(target, "target");
        if (by == null || by.isBlank()) throw new IllegalArgumentException("who changes the status must be given (--by / by)");
        Clue clue = repository.find(id).orElseThrow(() -> new UnknownClueException(id));
        if (!clue.status().canChangeTo(target)) throw new IllegalTransitionException(clue.id(), clue.status(), target);
        Clue.StatusChange change = new Clue.StatusChange(clue.status(), target, by.trim(), clock.instant(), note);
        return repository.applyChange(id, change).orElseThrow(() -> {
            Clue now = repository.find(id).orElseThrow(() -> new UnknownClueException(id));
            return new IllegalTransitionException(id, now.status(), target);
        });
    }

    public static final class UnknownClueException extends RuntimeException {
        public UnknownClueException(String id) { super("no clue with id '" + id + "'"); }
    }

    public static final class IllegalTransitionException extends RuntimeException {
        public IllegalTransitionException(String id, ClueStatus from, ClueStatus to) {
            super("clue " + id + " is " + from + "; it cannot change to " + to
                    + (from.next().isEmpty() ? " (" + from + " is final)" : " (allowed: " + from.next() + ")"));
        }
    }
}
