/**
 * Read-only analyst queries (ports): {@link io.riskgraph.query.ReadOnlyQueries} runs one statement under guard rails,
 * {@link io.riskgraph.query.NamedQueries} is a catalogue of named statements. No query language is assumed here.
 */
package io.riskgraph.query;
