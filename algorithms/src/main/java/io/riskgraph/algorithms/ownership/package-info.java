/**
 * Ownership penetration around one enterprise: {@link io.riskgraph.algorithms.ownership.HoldingsReader} reads
 * the holdings above it from the store, {@link io.riskgraph.algorithms.ownership.OwnershipPenetration} computes
 * effective shares of the ultimate holders (the (I - A)^-1 series, with cycles), the chains and the actual
 * controller. Small graphs, so JGraphT is used for chains and cycles.
 */
package io.riskgraph.algorithms.ownership;
